package io.seqrec.testsupport.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.kafka.test.context.EmbeddedKafka;

import io.seqrec.contract.Topics;

/**
 * spring-kafka-test's KRaft broker with seqrec's topics, {@value #PARTITIONS} partitions
 * each (the ingest service's default, and the dead-letter topic needs as many as its
 * source). In a Spring test the broker's address is
 * {@code spring.kafka.bootstrap-servers} and the broker an {@code EmbeddedKafkaBroker}
 * bean; in a plain JUnit test it is an {@code EmbeddedKafkaBroker} parameter.
 * spring-kafka-test finds {@link EmbeddedKafka} through this annotation (its context
 * customizer and JUnit condition look for merged annotations), so the two behave the
 * same.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EmbeddedKafka(partitions = EmbeddedSeqrecKafka.PARTITIONS,
		topics = { Topics.INTERACTIONS, Topics.INTERACTIONS_DLT, Topics.MODEL_UPDATES },
		bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public @interface EmbeddedSeqrecKafka {

	/** Partitions of every topic. */
	int PARTITIONS = 3;

}
