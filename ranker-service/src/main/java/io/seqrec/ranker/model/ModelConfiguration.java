package io.seqrec.ranker.model;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.s3.ModelStoreSettings;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.ranker.RankerProperties;

/**
 * The model's collaborators: the model store (a directory, or an S3-compatible bucket
 * with {@code seqrec.model-store.type=s3}), the holder of the live model, the scorer
 * chosen by {@code seqrec.ranker.scoring.mode}, and a listener container for model
 * updates whose JSON values are read as {@link ModelUpdate} (a malformed record is logged
 * and skipped, never retried).
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

	@Bean
	Clock rankerClock() {
		return Clock.systemUTC();
	}

	@Bean
	ModelStore modelStore(RankerProperties properties, Environment environment) {
		// seqrec.model-store.* is shared by trainer and ranker: bound here, defaults in
		// the record
		return Binder.get(environment)
			.bind("seqrec.model-store", ModelStoreSettings.class)
			.orElseGet(() -> new ModelStoreSettings(null, null))
			.open(properties.store());
	}

	@Bean
	ModelLoader modelLoader(ModelStore modelStore) {
		return new ModelLoader(modelStore);
	}

	@Bean(destroyMethod = "clear")
	ModelHolder modelHolder() {
		return new ModelHolder();
	}

	@Bean(destroyMethod = "close")
	Scorer scorer(RankerProperties properties, MeterRegistry meters) {
		RankerProperties.Scoring scoring = properties.scoring();
		return switch (scoring.mode()) {
			case BATCH -> new BatchingScorer(scoring.workers(), scoring.maxBatchSize(), scoring.maxWait(), meters);
			case POOL -> new PooledScorer(scoring.workers(), meters);
		};
	}

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, ModelUpdate> modelUpdateContainerFactory(
			ConsumerFactory<?, ?> consumerFactory) {
		DefaultKafkaConsumerFactory<String, ModelUpdate> updates = new DefaultKafkaConsumerFactory<>(
				consumerFactory.getConfigurationProperties(), new StringDeserializer(),
				new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(ModelUpdate.class, false)));
		ConcurrentKafkaListenerContainerFactory<String, ModelUpdate> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(updates);
		factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
		return factory;
	}

}
