package io.seqrec.ingest.consume;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seqrec.contract.Topics;
import redis.embedded.RedisServer;

import static org.awaitility.Awaitility.await;

/**
 * The ingest scenarios on spring-kafka-test's KRaft broker and an embedded Redis server,
 * both started by the test itself.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH, "seqrec.ingest.retry.initial-interval=100ms",
		"seqrec.ingest.retry.max-interval=1s", "spring.kafka.consumer.max-poll-records=50",
		"spring.kafka.consumer.group-id=" + EmbeddedIngestIntegrationTests.GROUP })
@EmbeddedKafka(partitions = 3, topics = { Topics.INTERACTIONS, Topics.INTERACTIONS_DLT })
class EmbeddedIngestIntegrationTests extends IngestScenarios {

	static final String GROUP = "ingest-under-test";

	private static final int REDIS_PORT = freePort();

	private static final RedisServer REDIS = startedRedis();

	@Autowired
	private EmbeddedKafkaBroker broker;

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RedisServer startedRedis() {
		try {
			Path dir = Files.createTempDirectory("seqrec-redis");
			RedisServer server = RedisServer.newRedisServer()
				.port(REDIS_PORT)
				.bind("127.0.0.1")
				.setting("appendonly yes")
				.setting("appendfsync always")
				.setting("dir " + dir)
				.build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start the embedded Redis server", ex);
		}
	}

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
	}

	@AfterAll
	static void stopServer() throws IOException {
		REDIS.stop();
	}

	@Test
	void theConsumerGroupIsTheConfiguredOne() throws Exception {
		String user = "group-" + System.nanoTime();
		event(user, "g-1", "item-1", 1_000);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> admin.listConsumerGroupOffsets(GROUP)
					.partitionsToOffsetAndMetadata()
					.get()
					.keySet()
					.stream()
					.anyMatch((partition) -> partition.topic().equals(Topics.INTERACTIONS)));
		}
	}

	@Override
	protected String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	protected void stopRedis() throws IOException {
		REDIS.stop();
	}

	@Override
	protected void startRedis() throws IOException {
		REDIS.start();
	}

}
