package io.seqrec.ingest.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.lettuce.core.cluster.RedisClusterClient;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.testsupport.redis.EmbeddedRedisCluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest scenarios on a Redis Cluster of three masters, each with a replica, started
 * by the test and configured the way a deployment configures it
 * ({@code spring.data.redis.cluster.nodes}, adaptive topology refresh). A Redis outage
 * stops every node; in addition, one shard's master fails over to its replica while
 * events keep arriving.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH, "seqrec.ingest.retry.initial-interval=100ms",
		"seqrec.ingest.retry.max-interval=1s", "spring.kafka.consumer.max-poll-records=50",
		"spring.data.redis.lettuce.cluster.refresh.adaptive=true",
		"spring.data.redis.lettuce.cluster.refresh.period=1s" })
@EmbeddedKafka(partitions = 3, topics = { Topics.INTERACTIONS, Topics.INTERACTIONS_DLT })
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class ClusterIngestIntegrationTests extends IngestScenarios {

	private static final EmbeddedRedisCluster CLUSTER = EmbeddedRedisCluster.start(3, 1);

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private LettuceConnectionFactory connectionFactory;

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.cluster.nodes", CLUSTER::nodes);
	}

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	/**
	 * Stops the listeners and the context's Redis client before the cluster: refreshing
	 * the topology every second, the client would otherwise go on calling the stopped
	 * nodes until the JVM exits.
	 */
	@AfterAll
	void stopCluster() {
		this.listeners.stop();
		CLUSTER.closeAfter(this.connectionFactory::stop);
	}

	@Override
	protected String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	protected void stopRedis() {
		CLUSTER.stopAll();
	}

	@Override
	protected void startRedis() {
		CLUSTER.startAll();
	}

	@Test
	void theServiceTalksToTheClusterAndUsersSpreadOverEveryShard() {
		assertThat(this.connectionFactory.getRequiredNativeClient()).isInstanceOf(RedisClusterClient.class);
		// 40 random users miss one of the three shards with probability 3 * (2/3)^40,
		// about 3e-7
		List<String> users = IntStream.range(0, 40).mapToObj((u) -> user()).toList();
		for (String user : users) {
			event(user, user + "-1", "spread", 1_000);
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(users).allSatisfy((user) -> assertThat(items(user)).hasSize(1)));
		assertThat(users.stream().map((user) -> CLUSTER.masterOf(RedisKeys.sequence(user))).distinct()).hasSize(3);
		// the popularity counters and event counter share one slot: updated by one script
		assertThat(store().popularItems(100)).containsKey("spread");
	}

	@Test
	void aShardMasterFailingOverLosesNothing() {
		String user = user();
		for (int t = 0; t < 5; t++) {
			event(user, "before-" + t, "a-" + t, 1_000 + t);
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items(user)).hasSize(5));
		int stopped = CLUSTER.failOver(RedisKeys.sequence(user));
		List<String> expected = new ArrayList<>(List.of("a-0", "a-1", "a-2", "a-3", "a-4"));
		for (int t = 0; t < 10; t++) {
			event(user, "after-" + t, "b-" + t, 2_000 + t);
			expected.add("b-" + t);
		}
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(items(user)).containsExactlyElementsOf(expected));
		CLUSTER.restart(stopped);
		assertThat(items(user)).containsExactlyElementsOf(expected);
	}

}
