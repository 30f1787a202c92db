package io.seqrec.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import io.seqrec.contract.Topics;
import io.seqrec.testsupport.kafka.EmbeddedSeqrecKafka;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composed annotation in a Spring test: spring-kafka-test's context customizer finds
 * {@code @EmbeddedKafka} through it (a broker bean with seqrec's topics, its address in
 * {@code spring.kafka.bootstrap-servers}), and the Redis customizer finds
 * {@code @EmbeddedRedis}.
 */
@SpringJUnitConfig(EmbeddedPlatformServersIntegrationTests.Empty.class)
@EmbeddedPlatformServers
class EmbeddedPlatformServersIntegrationTests {

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Value("${spring.kafka.bootstrap-servers}")
	private String bootstrapServers;

	@Value("${spring.data.redis.url}")
	private String redisUrl;

	@Test
	void bothServersAreInTheContext() throws Exception {
		assertThat(this.bootstrapServers).isEqualTo(this.broker.getBrokersAsString());
		assertThat(this.redisUrl).isEqualTo(EmbeddedRedisServer.shared().url());
		Set<String> topics = Set.of(Topics.INTERACTIONS, Topics.INTERACTIONS_DLT, Topics.MODEL_UPDATES);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers))) {
			Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get();
			assertThat(described).containsOnlyKeys(topics);
			assertThat(described.values())
				.allSatisfy((topic) -> assertThat(topic.partitions()).hasSize(EmbeddedSeqrecKafka.PARTITIONS));
		}
		assertThat(List.of(this.broker.getTopics().toArray())).containsExactlyInAnyOrderElementsOf(topics);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
