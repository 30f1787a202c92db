package io.seqrec.ingest.consume;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.seqrec.contract.Topics;
import redis.embedded.RedisServer;

/**
 * The ingest scenarios on spring-kafka-test's KRaft broker and an embedded Redis server,
 * both started by the test itself.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH, "seqrec.ingest.retry.initial-interval=100ms",
		"seqrec.ingest.retry.max-interval=1s", "spring.kafka.consumer.max-poll-records=50" })
@EmbeddedKafka(partitions = 3, topics = { Topics.INTERACTIONS, Topics.INTERACTIONS_DLT })
class EmbeddedIngestIntegrationTests extends IngestScenarios {

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
