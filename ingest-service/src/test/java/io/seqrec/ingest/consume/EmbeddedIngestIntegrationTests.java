package io.seqrec.ingest.consume;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import io.seqrec.testsupport.EmbeddedPlatformServers;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;

/**
 * The ingest scenarios on spring-kafka-test's KRaft broker and the test JVM's embedded
 * Redis server; a Redis outage stops and restarts that server.
 */
@SpringBootTest(properties = { "seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH,
		"seqrec.ingest.retry.initial-interval=100ms", "seqrec.ingest.retry.max-interval=1s",
		"spring.kafka.consumer.max-poll-records=50" })
@EmbeddedPlatformServers
class EmbeddedIngestIntegrationTests extends IngestScenarios {

	@Autowired
	private EmbeddedKafkaBroker broker;

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
