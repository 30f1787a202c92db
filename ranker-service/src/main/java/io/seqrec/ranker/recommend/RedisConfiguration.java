package io.seqrec.ranker.recommend;

import io.lettuce.core.api.StatefulConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.seqrec.contract.LettuceConnections;
import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceStore;
import io.seqrec.ranker.RankerProperties;

/**
 * The sequence store (the contract's reading side, shared with the trainer) on one
 * shared, thread-safe Lettuce connection of Boot's Redis client (standalone or cluster):
 * concurrent requests pipeline their reads on it.
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

	@Bean(destroyMethod = "close")
	StatefulConnection<String, String> sequenceConnection(LettuceConnectionFactory connectionFactory) {
		return LettuceConnections.connect(connectionFactory.getRequiredNativeClient());
	}

	@Bean
	SequenceStore sequenceStore(StatefulConnection<String, String> sequenceConnection, RankerProperties properties) {
		// the ranker never snapshots: the page size is irrelevant
		return new RedisSequenceStore(LettuceConnections.async(sequenceConnection), 1000, properties.sequenceTimeout());
	}

}
