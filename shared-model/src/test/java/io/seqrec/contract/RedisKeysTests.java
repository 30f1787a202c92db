package io.seqrec.contract;

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

}
