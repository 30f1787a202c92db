package io.seqrec.launcher.bench.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.launcher.EmbeddedKafka;
import io.seqrec.launcher.EmbeddedRedis;

/**
 * The Kafka and the Redis of one scenario: embedded ones started for it (the broker on a
 * fixed port, so that it can be restarted; Redis with an append-only file in a directory
 * of its own, so that it can be stopped and started on the same data), or the external
 * ones given on the command line, which the bench never stops.
 */
final class Infrastructure implements AutoCloseable {

	private final @Nullable EmbeddedKafka kafka;

	private final @Nullable EmbeddedRedis redis;

	private final String bootstrapServers;

	private final String redisUrl;

	private @Nullable RedisClient client;

	private @Nullable StatefulRedisConnection<String, String> connection;

	private Infrastructure(@Nullable EmbeddedKafka kafka, @Nullable EmbeddedRedis redis, String bootstrapServers,
			String redisUrl) {
		this.kafka = kafka;
		this.redis = redis;
		this.bootstrapServers = bootstrapServers;
		this.redisUrl = redisUrl;
	}

	/**
	 * Starts what the options do not name.
	 * @param options the bench's options
	 * @param out where to report
	 * @return the running servers
	 */
	static Infrastructure start(FaultsBenchmark.Options options, PrintWriter out) {
		EmbeddedKafka kafka = null;
		EmbeddedRedis redis = null;
		try {
			if (options.kafka() == null) {
				kafka = EmbeddedKafka.start(EmbeddedRedis.freePort(), 3, Topics.INTERACTIONS, Topics.INTERACTIONS_DLT,
						Topics.MODEL_UPDATES);
			}
			if (options.redis() == null) {
				Path data = Files.createTempDirectory(options.workDirectory(), "redis");
				redis = EmbeddedRedis.startPersistent(0, data);
			}
			String bootstrap = (kafka != null) ? kafka.bootstrapServers() : options.kafka();
			String url = (redis != null) ? redis.url() : options.redis();
			out.printf(Locale.ROOT, "  Kafka %s (%s), Redis %s (%s)%n", bootstrap,
					(kafka != null) ? "in-process broker" : "external", url,
					(redis != null) ? "embedded, append-only file" : "external");
			out.flush();
			return new Infrastructure(kafka, redis, bootstrap, url);
		}
		catch (IOException | RuntimeException ex) {
			if (kafka != null) {
				kafka.close();
			}
			if (redis != null) {
				redis.close();
			}
			throw (ex instanceof IOException io) ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	String redisUrl() {
		return this.redisUrl;
	}

	/**
	 * The embedded broker, which can be restarted.
	 * @return the broker, or null when Kafka is external
	 */
	@Nullable EmbeddedKafka kafka() {
		return this.kafka;
	}

	/**
	 * The embedded Redis, which can be stopped and started.
	 * @return the server, or null when Redis is external
	 */
	@Nullable EmbeddedRedis redis() {
		return this.redis;
	}

	/**
	 * The ingest service's count of stored events.
	 * @return the counter, or -1 while Redis does not answer
	 */
	synchronized long ingestedEvents() {
		try {
			if (this.connection == null) {
				this.client = RedisClient.create(this.redisUrl);
				this.connection = this.client.connect(StringCodec.UTF8);
				this.connection.setTimeout(Duration.ofSeconds(2));
			}
			String value = this.connection.sync().get(RedisKeys.EVENT_COUNTER);
			return (value != null) ? Long.parseLong(value) : 0;
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
		if (this.client != null) {
			this.client.shutdown();
		}
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
