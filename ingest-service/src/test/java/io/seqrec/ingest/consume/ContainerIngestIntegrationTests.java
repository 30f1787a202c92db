package io.seqrec.ingest.consume;

import com.redis.testcontainers.RedisContainer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same ingest scenarios against real Kafka and Redis containers. Runs only where
 * Docker is available and is skipped otherwise. A Redis outage is a paused container,
 * which keeps its port.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "seqrec.ingest.max-sequence-length=" + IngestScenarios.MAX_LENGTH,
		"seqrec.ingest.retry.initial-interval=100ms", "seqrec.ingest.retry.max-interval=1s",
		"spring.kafka.consumer.max-poll-records=50" })
class ContainerIngestIntegrationTests extends IngestScenarios {

	@Container
	@ServiceConnection
	static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka-native:4.1.0"));

	@Container
	@ServiceConnection
	static final RedisContainer REDIS = new RedisContainer(DockerImageName.parse("redis:7.4"));

	@Override
	protected String bootstrapServers() {
		return KAFKA.getBootstrapServers();
	}

	@Override
	protected void stopRedis() {
		REDIS.getDockerClient().pauseContainerCmd(REDIS.getContainerId()).exec();
	}

	@Override
	protected void startRedis() {
		REDIS.getDockerClient().unpauseContainerCmd(REDIS.getContainerId()).exec();
	}

}
