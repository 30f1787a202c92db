package io.seqrec.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.seqrec.testsupport.kafka.EmbeddedSeqrecKafka;
import io.seqrec.testsupport.redis.EmbeddedRedis;

/**
 * The servers the services meet through: {@link EmbeddedRedis} and
 * {@link EmbeddedSeqrecKafka}. A {@code @SpringBootTest} with this annotation needs no
 * server properties of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EmbeddedRedis
@EmbeddedSeqrecKafka
public @interface EmbeddedPlatformServers {

}
