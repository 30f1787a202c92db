package io.seqrec.contract;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of the sequence store on a real (embedded) Redis server.
 */
class RedisSequenceStoreIntegrationTests {

	private static RedisServer server;

	private static RedisClient client;

	private static StatefulRedisConnection<String, String> connection;

	@BeforeAll
	static void start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
		server.start();
		client = RedisClient.create("redis://127.0.0.1:" + port);
		connection = client.connect(StringCodec.UTF8);
		RedisCommands<String, String> redis = connection.sync();
		for (int user = 0; user < 250; user++) {
			for (int t = 0; t < 3; t++) {
				redis.zadd(RedisKeys.sequence("user-" + user), 1000 + t, RedisKeys.member("e" + t, "item-" + t));
			}
		}
		redis.zadd(RedisKeys.sequence("late"), 300, RedisKeys.member("b", "second"));
		redis.zadd(RedisKeys.sequence("late"), 100, RedisKeys.member("a", "first"));
		redis.zadd(RedisKeys.ITEM_POPULARITY, 5, "hot");
		redis.zadd(RedisKeys.ITEM_POPULARITY, 1, "cold");
		redis.zadd(RedisKeys.ITEM_POPULARITY, 3, "warm");
		redis.set(RedisKeys.EVENT_COUNTER, "752");
		redis.set("unrelated:key", "ignored");
	}

	@AfterAll
	static void stop() throws IOException {
		connection.close();
		client.shutdown();
		server.stop();
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
		RedisSequenceStore store = new RedisSequenceStore(connection.async(), 50, java.time.Duration.ofSeconds(5));
		assertThat(store.recentItems(List.of("user-7", "nobody", "late"), 2))
			.containsExactly(List.of("item-1", "item-2"), List.of(), List.of("first", "second"));
		assertThat(store.recentItems(List.of("late"), 1)).containsExactly(List.of("second"));
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
		assertThat(store.popularItems(2)).containsExactly(java.util.Map.entry("hot", 5L),
				java.util.Map.entry("warm", 3L));
		assertThat(store.ingestedEvents()).isEqualTo(752);
	}

}
