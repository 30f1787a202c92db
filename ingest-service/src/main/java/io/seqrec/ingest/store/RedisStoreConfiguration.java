package io.seqrec.ingest.store;

import java.time.Clock;

import io.lettuce.core.ClientOptions;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import io.seqrec.ingest.IngestProperties;

/**
 * The sequence writer on Boot's auto-configured Lettuce client. While Redis is
 * unreachable, commands are rejected at once instead of queued for the reconnection: a
 * batch whose write failed is retried as a whole, and stale queued commands must not run
 * after it.
 */
@Configuration(proxyBeanMethods = false)
class RedisStoreConfiguration {

	@Bean
	LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
		// customizes Boot's own options builder: a cluster keeps its topology refresh
		// settings, and Boot's timeouts and SSL stay
		return (builder) -> builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
			.autoReconnect(true);
	}

	@Bean
	Clock ingestClock() {
		return Clock.systemUTC();
	}

	@Bean(destroyMethod = "close")
	SequenceWriter sequenceWriter(LettuceConnectionFactory connectionFactory, IngestProperties properties,
			Clock ingestClock) {
		return new SequenceWriter(connectionFactory.getRequiredNativeClient(), properties, ingestClock);
	}

}
