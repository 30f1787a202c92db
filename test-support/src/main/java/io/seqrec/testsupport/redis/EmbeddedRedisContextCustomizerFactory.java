package io.seqrec.testsupport.redis;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The Spring side of {@link EmbeddedRedis} (registered in
 * {@code META-INF/spring.factories}, as spring-kafka-test registers
 * {@code @EmbeddedKafka}'s): a test context of a class annotated, directly or through
 * another annotation, with {@link EmbeddedRedis} gets {@value #URL_PROPERTY} pointing at
 * the JVM's {@link EmbeddedRedisServer}, ahead of every other property source.
 */
public final class EmbeddedRedisContextCustomizerFactory implements ContextCustomizerFactory {

	/** The property that Spring Boot's Redis auto-configuration reads. */
	public static final String URL_PROPERTY = "spring.data.redis.url";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (TestContextAnnotationUtils.findMergedAnnotation(testClass, EmbeddedRedis.class) == null) {
			return null;
		}
		return new EmbeddedRedisContextCustomizer();
	}

	/**
	 * Adds the server's URL. All instances are equal, so the contexts of two test classes
	 * that differ in nothing else are shared.
	 */
	private static final class EmbeddedRedisContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
			EmbeddedRedisServer server = EmbeddedRedisServer.shared();
			server.ensureRunning();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("embeddedRedis", Map.of(URL_PROPERTY, server.url())));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof EmbeddedRedisContextCustomizer;
		}

		@Override
		public int hashCode() {
			return EmbeddedRedisContextCustomizer.class.hashCode();
		}

	}

}
