package io.seqrec.ingest.consume;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import io.seqrec.contract.InvalidEventException;
import io.seqrec.contract.Topics;
import io.seqrec.ingest.IngestProperties;

/**
 * The consumer's error policy, in one place. Invalid records (unparseable JSON, which the
 * {@code ErrorHandlingDeserializer} turns into a {@code DeserializationException}, and
 * events that fail validation) are not retried: the listener sends them to
 * {@code seqrec.interactions.dlt} through the recoverer declared here, on the source
 * partition, with the reason in the {@code seqrec-dlt-reason} and
 * {@code kafka_dlt-exception-*} headers. Any other failure (Redis unreachable, the
 * dead-letter topic unreachable) retries the batch with exponential back-off and no
 * limit, so nothing valid is ever skipped and offsets never move past unwritten events.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	/**
	 * The reason a record was dead-lettered, in plain words, beside Spring's exception
	 * headers.
	 */
	static final String REASON_HEADER = "seqrec-dlt-reason";

	@Bean
	NewTopic interactionsTopic(IngestProperties properties) {
		return TopicBuilder.name(Topics.INTERACTIONS)
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	@Bean
	NewTopic interactionsDeadLetterTopic(IngestProperties properties) {
		// same partition count: a dead record keeps its source partition
		return TopicBuilder.name(Topics.INTERACTIONS_DLT)
			.partitions(properties.partitions())
			.replicas(properties.replicas())
			.build();
	}

	/**
	 * Publishes dead records: raw bytes when the value could not be deserialized, JSON
	 * when it was deserialized but is invalid.
	 */
	@Bean
	KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = producerFactory.getConfigurationProperties();
		DelegatingByTypeSerializer values = new DelegatingByTypeSerializer(Map.of(byte[].class,
				new ByteArraySerializer(), ReceivedEvent.class, new ReceivedEventSerde.RawSerializer()));
		return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
	}

	@Bean
	DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> deadLetterTemplate,
			IngestMetrics metrics) {
		return configure(new DeadLetterPublishingRecoverer(deadLetterTemplate, destination(metrics)));
	}

	/**
	 * Publishes the invalid records the listener finds, a batch's at once.
	 */
	@Bean
	BatchDeadLetters batchDeadLetters(KafkaTemplate<String, Object> deadLetterTemplate, IngestMetrics metrics) {
		return configure(new BatchDeadLetters(deadLetterTemplate, destination(metrics)));
	}

	private static BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination(IngestMetrics metrics) {
		return (record, ex) -> {
			metrics.deadLettered();
			return new TopicPartition(Topics.INTERACTIONS_DLT, record.partition());
		};
	}

	private static <T extends DeadLetterPublishingRecoverer> T configure(T recoverer) {
		recoverer.setFailIfSendResultIsError(true);
		recoverer.setHeadersFunction((record, ex) -> new RecordHeaders().add(REASON_HEADER,
				DeadLetterReasons.of(ex).getBytes(StandardCharsets.UTF_8)));
		return recoverer;
	}

	/**
	 * Commits offsets without waiting for the broker's answer: a commit still follows the
	 * batch's Redis acknowledgement, and a commit lost in a crash only replays events,
	 * which de-duplication drops. Saves a broker round trip per batch.
	 */
	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> asyncCommits() {
		return (container) -> container.getContainerProperties().setSyncCommits(false);
	}

	/**
	 * Boot sets this single handler on the auto-configured listener container factory.
	 */
	@Bean
	CommonErrorHandler errorHandler(DeadLetterPublishingRecoverer deadLetterRecoverer, IngestProperties properties) {
		ExponentialBackOff backOff = new ExponentialBackOff(properties.retry().initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(properties.retry().maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer, backOff);
		handler.addNotRetryableExceptions(InvalidEventException.class);
		return handler;
	}

}
