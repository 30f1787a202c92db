package io.seqrec.testsupport.redis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a Spring test: the context's {@code spring.data.redis.url} is the
 * JVM's server, with no property source in the test, and the class starts from an empty
 * database.
 */
@SpringJUnitConfig(EmbeddedRedisSpringIntegrationTests.Empty.class)
@EmbeddedRedis
class EmbeddedRedisSpringIntegrationTests {

	@Value("${spring.data.redis.url}")
	private String url;

	@BeforeAll
	static void startsEmpty() {
		EmptyAtStart.assertEmpty(EmbeddedRedisServer.shared());
	}

	@Test
	void theContextPointsAtTheServer() {
		assertThat(this.url).isEqualTo(EmbeddedRedisServer.shared().url());
		try (RedisContractWriter writer = EmbeddedRedisServer.shared().writer()) {
			writer.event("spring-user", "e1", "item-1", 1);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
