package io.seqrec.testsupport.kafka;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import io.seqrec.contract.Topics;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The composed annotation in a plain JUnit test: spring-kafka-test's JUnit condition
 * finds {@code @EmbeddedKafka} through it and hands the broker in as a parameter.
 */
@EmbeddedSeqrecKafka
class EmbeddedSeqrecKafkaIntegrationTests {

	@Test
	void theBrokerComesAsAParameterWithSeqrecsTopics(EmbeddedKafkaBroker broker) {
		assertThat(broker.getBrokersAsString()).isNotBlank();
		assertThat(broker.getTopics()).containsExactlyInAnyOrder(Topics.INTERACTIONS, Topics.INTERACTIONS_DLT,
				Topics.MODEL_UPDATES);
		assertThat(broker.getPartitionsPerTopic()).isEqualTo(EmbeddedSeqrecKafka.PARTITIONS);
	}

}
