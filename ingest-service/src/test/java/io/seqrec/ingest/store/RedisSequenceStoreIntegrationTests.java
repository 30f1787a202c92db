package io.seqrec.ingest.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.contract.SequenceStoreException;
import io.seqrec.contract.UserSequence;
import io.seqrec.contract.ValidEvent;
import io.seqrec.ingest.IngestProperties;
import io.seqrec.testsupport.redis.EmbeddedRedis;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The read side of the sequence store (shared by the trainer and the ranker) on what the
 * ingest service's writer stored in a real Redis server.
 */
@EmbeddedRedis
class RedisSequenceStoreIntegrationTests {

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void ingest(EmbeddedRedisServer server) {
		client = RedisClient.create(server.url());
		List<ValidEvent> events = new ArrayList<>();
		for (int user = 0; user < 250; user++) {
			for (int t = 0; t < 3; t++) {
				events.add(new ValidEvent("e" + t, "user-" + user, "item-" + t, 1000 + t, null, null));
			}
		}
		events.add(new ValidEvent("b", "late", "second", 300, null, null));
		events.add(new ValidEvent("a", "late", "first", 100, null, null));
		IngestProperties properties = new IngestProperties(200, Duration.ofHours(1), Duration.ofMinutes(5),
				Duration.ZERO, 3, (short) 1, new IngestProperties.Retry(Duration.ofMillis(100), Duration.ofSeconds(1)),
				64);
		try (SequenceWriter writer = new SequenceWriter(client, properties, Clock.systemUTC())) {
			assertThat(writer.write(events).written()).isEqualTo(752);
		}
		connection = server.connect();
		connection.sync().set("unrelated:key", "ignored");
	}

	@AfterAll
	static void disconnect() {
		connection.close();
		client.shutdown();
	}

	@Test
	void readsOneUserOldestFirstWithALimit() {
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 50);
		assertThat(store.read("late", 0)).containsExactly(new SequenceEntry("a", "first", 100),
				new SequenceEntry("b", "second", 300));
		assertThat(store.read("user-7", 2)).extracting(SequenceEntry::itemId).containsExactly("item-1", "item-2");
		assertThat(store.read("nobody", 0)).isEmpty();
	}

	@Test
	void readsSeveralUsersRecentItemsInTheirOrder() {
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 50, Duration.ofSeconds(5));
		assertThat(store.recentItems(List.of("user-7", "nobody", "late"), 2))
			.containsExactly(List.of("item-1", "item-2"), List.of(), List.of("first", "second"));
		assertThat(store.recentItems(List.of("late"), 1)).containsExactly(List.of("second"));
	}

	@Test
	void recentItemsDecodeAnyCharactersAndAMemberOutsideTheLayoutFailsTheReadByName() {
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 50, Duration.ofSeconds(5));
		String odd = RedisKeys.sequence("ünïcode");
		String broken = RedisKeys.sequence("broken");
		try {
			connection.sync().zadd(odd, 1, RedisKeys.member("é-😀", "item-☃"));
			connection.sync().zadd(odd, 2, RedisKeys.member("12:ab", "3:cd"));
			connection.sync().zadd(broken, 1, "written by something else");
			assertThat(store.recentItems(List.of("ünïcode"), 10)).containsExactly(List.of("item-☃", "3:cd"));
			assertThatExceptionOfType(SequenceStoreException.class)
				.isThrownBy(() -> store.recentItems(List.of("user-7", "broken"), 10))
				.withStackTraceContaining("not a sequence member")
				.withStackTraceContaining("written by something else");
			// the connection is still in step: the next read gets its own answer
			assertThat(store.recentItems(List.of("user-7"), 1)).containsExactly(List.of("item-2"));
		}
		finally {
			connection.sync().del(odd, broken);
		}
	}

	@Test
	void snapshotDeliversEveryUserOnceAcrossPages() {
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 17);
		List<UserSequence> users = new ArrayList<>();
		long count = store.snapshot(users::add);
		assertThat(count).isEqualTo(251);
		assertThat(users).extracting(UserSequence::userId)
			.doesNotHaveDuplicates()
			.contains("user-0", "user-249", "late");
		assertThat(users).filteredOn((u) -> u.userId().equals("user-3"))
			.singleElement()
			.satisfies((u) -> assertThat(u.items()).containsExactly("item-0", "item-1", "item-2"));
	}

	@Test
	void popularityAndCounter() {
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 50);
		assertThat(store.popularItems(3)).containsOnly(Map.entry("item-0", 250L), Map.entry("item-1", 250L),
				Map.entry("item-2", 250L));
		assertThat(store.popularItems(5)).hasSize(5).containsEntry("first", 1L).containsEntry("second", 1L);
		assertThat(store.ingestedEvents()).isEqualTo(752);
	}

}
