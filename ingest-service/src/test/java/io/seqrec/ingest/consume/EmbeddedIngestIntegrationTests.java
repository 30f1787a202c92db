package io.seqrec.ingest.consume;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import io.seqrec.contract.Topics;
import io.seqrec.testsupport.EmbeddedPlatformServers;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;

import static org.awaitility.Awaitility.await;

/**
 * The ingest scenarios on spring-kafka-test's KRaft broker and the test JVM's embedded
 * Redis server; a Redis outage stops and restarts that server.
 */
@SpringBootTest(properties = { "seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH,
		"seqrec.ingest.retry.initial-interval=100ms", "seqrec.ingest.retry.max-interval=1s",
		"spring.kafka.consumer.max-poll-records=50",
		"spring.kafka.consumer.group-id=" + EmbeddedIngestIntegrationTests.GROUP })
@EmbeddedPlatformServers
class EmbeddedIngestIntegrationTests extends IngestScenarios {

	static final String GROUP = "ingest-under-test";

	@Autowired
	private EmbeddedKafkaBroker broker;

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
	protected void stopRedis() {
		EmbeddedRedisServer.shared().stop();
	}

	@Override
	protected void startRedis() {
		EmbeddedRedisServer.shared().start();
	}

}
