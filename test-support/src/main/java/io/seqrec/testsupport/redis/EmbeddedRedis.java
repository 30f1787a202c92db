package io.seqrec.testsupport.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the JVM's {@link EmbeddedRedisServer}, emptied before the
 * class's first test.
 * <ul>
 * <li>Plain JUnit tests take the server (URL, port, connections, a
 * {@link RedisContractWriter}) as an {@link EmbeddedRedisServer} parameter of a test,
 * lifecycle method or constructor, or from {@link EmbeddedRedisServer#shared()}.</li>
 * <li>Spring tests get {@code spring.data.redis.url} set to the server (by
 * {@link EmbeddedRedisContextCustomizerFactory}); no {@code @DynamicPropertySource} is
 * needed.</li>
 * </ul>
 * The server is emptied before the class's {@code @BeforeAll} methods run, so a class
 * writes its data there (not in static initializers).
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedRedisExtension.class)
public @interface EmbeddedRedis {

}
