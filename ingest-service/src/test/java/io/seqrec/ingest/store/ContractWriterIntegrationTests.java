package io.seqrec.ingest.store;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.Test;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.ValidEvent;
import io.seqrec.ingest.IngestProperties;
import io.seqrec.testsupport.redis.EmbeddedRedis;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;
import io.seqrec.testsupport.redis.RedisContractWriter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tests' Redis writer (test-support) stores what the ingest service stores for new
 * events: the same sequence members and scores, one more popularity point per event and
 * one more ingested event. Trainer and ranker tests can rely on it.
 */
@EmbeddedRedis
class ContractWriterIntegrationTests {

	private static final List<String> ITEMS = List.of("twin-a", "twin-b", "twin-a");

	private static List<ValidEvent> events(String user) {
		return List.of(new ValidEvent("x1", user, ITEMS.get(0), 5_000, null, null),
				new ValidEvent("x2", user, ITEMS.get(1), 7_000, null, null),
				new ValidEvent("x3", user, ITEMS.get(2), 6_000, null, null));
	}

	private static long popularity(RedisCommands<String, String> redis, String item) {
		Double score = redis.zscore(RedisKeys.ITEM_POPULARITY, item);
		return (score != null) ? score.longValue() : 0;
	}

	private static long counter(RedisCommands<String, String> redis) {
		String value = redis.get(RedisKeys.EVENT_COUNTER);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	@Test
	void theWriterStoresWhatIngestStores(EmbeddedRedisServer server) {
		RedisClient client = RedisClient.create(server.url());
		IngestProperties properties = new IngestProperties(200, Duration.ofHours(1), Duration.ofMinutes(5),
				Duration.ZERO, 3, (short) 1, new IngestProperties.Retry(Duration.ofMillis(100), Duration.ofSeconds(1)),
				64);
		try (StatefulRedisConnection<String, String> connection = server.connect();
				SequenceWriter ingest = new SequenceWriter(client, properties, Clock.systemUTC());
				RedisContractWriter writer = server.writer()) {
			RedisCommands<String, String> redis = connection.sync();
			ingest.write(events("by-ingest"));
			long afterIngest = counter(redis);
			long aAfterIngest = popularity(redis, "twin-a");
			for (ValidEvent event : events("by-writer")) {
				writer.event(event.userId(), event.eventId(), event.itemId(), event.epochMillis());
			}
			List<ScoredValue<String>> ingested = redis.zrangeWithScores(RedisKeys.sequence("by-ingest"), 0, -1);
			assertThat(ingested).hasSize(3);
			assertThat(redis.zrangeWithScores(RedisKeys.sequence("by-writer"), 0, -1))
				.containsExactlyElementsOf(ingested);
			assertThat(counter(redis)).isEqualTo(2 * afterIngest).isEqualTo(6);
			assertThat(popularity(redis, "twin-a")).isEqualTo(2 * aAfterIngest).isEqualTo(4);
			assertThat(popularity(redis, "twin-b")).isEqualTo(2);
		}
		finally {
			client.shutdown();
		}
	}

}
