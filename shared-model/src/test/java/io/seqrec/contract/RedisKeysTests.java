package io.seqrec.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedisKeysTests {

	@Test
	void userKeysShareTheUserAsHashTag() {
		assertThat(RedisKeys.sequence("u-1")).isEqualTo("seqrec:u:{u-1}:seq");
		assertThat(RedisKeys.eventIds("u-1")).isEqualTo("seqrec:u:{u-1}:ids");
		assertThat(RedisKeys.userOf(RedisKeys.sequence("we:ird}{id"))).isEqualTo("we:ird}{id");
		assertThatIllegalArgumentException().isThrownBy(() -> RedisKeys.userOf(RedisKeys.ITEM_POPULARITY));
		// one script updates both counters: they share a hash tag
		assertThat(RedisKeys.ITEM_POPULARITY).contains("{stats}");
		assertThat(RedisKeys.EVENT_COUNTER).contains("{stats}");
	}

	@Test
	void aUsersKeysAndTheCountersEachShareOneClusterSlot() {
		for (String user : new String[] { "u-1", "we:ird}{id", "a{b}c", "{x}", "x}", "é☃" }) {
			assertThat(SlotHash.getSlot(RedisKeys.eventIds(user))).as(user)
				.isEqualTo(SlotHash.getSlot(RedisKeys.sequence(user)));
		}
		assertThat(SlotHash.getSlot(RedisKeys.EVENT_COUNTER)).isEqualTo(SlotHash.getSlot(RedisKeys.ITEM_POPULARITY));
		// a leading '}' empties the tag: the keys would be hashed whole, apart
		assertThat(SlotHash.getSlot(RedisKeys.eventIds("}x"))).isNotEqualTo(SlotHash.getSlot(RedisKeys.sequence("}x")));
	}

	@Test
	void membersRoundTripWhateverTheIdsContain() {
		for (String[] ids : new String[][] { { "e1", "i1" }, { "12:ab", "3:cd" }, { "é:☃", "" }, { "", "x" } }) {
			SequenceEntry entry = RedisKeys.entry(RedisKeys.member(ids[0], ids[1]), 42);
			assertThat(entry).isEqualTo(new SequenceEntry(ids[0], ids[1], 42));
		}
	}

	@Test
	void theItemIdIsReadFromAMembersBytesAsFromItsString() {
		String[][] cases = { { "e1", "i1" }, { "12:ab", "3:cd" }, { "é:☃", "" }, { "", "x" }, { "😀-emoji", "item-😀" },
				{ "€uro", "100€" }, { "0123456789", "9:9" } };
		for (String[] ids : cases) {
			assertThat(RedisKeys.itemIdOf(utf8(RedisKeys.member(ids[0], ids[1])))).as(ids[0]).isEqualTo(ids[1]);
		}
		// random ids over ASCII, two- three- and four-byte characters, against the
		// decoder
		// of whole members
		SplittableRandom random = new SplittableRandom(7);
		int[] alphabet = { 'a', '7', ':', 'é', '☃', 0x1F600 };
		for (int n = 0; n < 2_000; n++) {
			String eventId = randomId(random, alphabet);
			String itemId = randomId(random, alphabet);
			String member = RedisKeys.member(eventId, itemId);
			assertThat(RedisKeys.itemIdOf(utf8(member))).as(member).isEqualTo(RedisKeys.entry(member, 0).itemId());
		}
	}

	@Test
	void readingTheItemIdLeavesTheBufferAsItWasAndReadsOnlyItsRemainingBytes() {
		ByteBuffer buffer = ByteBuffer.wrap("xx2:e1item-1yy".getBytes(StandardCharsets.UTF_8));
		buffer.position(2).limit(12);
		assertThat(RedisKeys.itemIdOf(buffer)).isEqualTo("item-1");
		assertThat(buffer.position()).isEqualTo(2);
		assertThat(buffer.limit()).isEqualTo(12);
		ByteBuffer direct = ByteBuffer.allocateDirect(16).put(utf8(RedisKeys.member("é", "☃"))).flip();
		assertThat(RedisKeys.itemIdOf(direct)).isEqualTo("☃");
	}

	@Test
	void bytesThatAreNotAMemberAreRefusedByName() {
		for (String notAMember : new String[] { "", "item-1", ":e1", "x2:e1i", "3:e1", "1:😀", "3:😀", "1234567890:e",
				"-1:e" }) {
			assertThatIllegalArgumentException().as(notAMember)
				.isThrownBy(() -> RedisKeys.itemIdOf(utf8(notAMember)))
				.withMessageContaining("not a sequence member")
				.withMessageContaining(notAMember);
		}
	}

	private static ByteBuffer utf8(String text) {
		return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String randomId(SplittableRandom random, int[] alphabet) {
		StringBuilder id = new StringBuilder();
		for (int length = random.nextInt(6); length > 0; length--) {
			id.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
		}
		return id.toString();
	}

}
