package io.seqrec.trainer;

import java.time.Clock;
import java.util.Map;

import io.lettuce.core.api.StatefulConnection;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.s3.ModelStoreSettings;
import io.seqrec.contract.LettuceConnections;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceStore;
import io.seqrec.contract.Topics;

/**
 * The trainer's collaborators: the sequence store on Boot's Lettuce client, the model
 * store on its directory, and the compacted model-update topic with its JSON template.
 */
@Configuration(proxyBeanMethods = false)
class TrainerConfiguration {

	@Bean
	Clock trainerClock() {
		return Clock.systemUTC();
	}

	@Bean(destroyMethod = "close")
	StatefulConnection<String, String> sequenceConnection(LettuceConnectionFactory connectionFactory) {
		return LettuceConnections.connect(connectionFactory.getRequiredNativeClient());
	}

	@Bean
	SequenceStore sequenceStore(StatefulConnection<String, String> sequenceConnection) {
		return new RedisSequenceStore(LettuceConnections.async(sequenceConnection), 1000);
	}

	@Bean
	ModelStore modelStore(TrainerProperties properties, Environment environment) {
		// seqrec.model-store.* is shared by trainer and ranker: bound here, defaults in
		// the record
		return Binder.get(environment)
			.bind("seqrec.model-store", ModelStoreSettings.class)
			.orElseGet(() -> new ModelStoreSettings(null, null))
			.open(properties.store());
	}

	@Bean
	NewTopic modelUpdatesTopic() {
		return TopicBuilder.name(Topics.MODEL_UPDATES).partitions(1).replicas(1).compact().build();
	}

	@Bean
	KafkaTemplate<String, ModelUpdate> modelUpdateTemplate(ProducerFactory<?, ?> producerFactory) {
		Map<String, Object> config = producerFactory.getConfigurationProperties();
		return new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new JacksonJsonSerializer<>()));
	}

}
