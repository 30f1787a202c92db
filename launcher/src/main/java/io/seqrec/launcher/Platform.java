package io.seqrec.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.ingest.IngestApplication;
import io.seqrec.ranker.RankerApplication;
import io.seqrec.trainer.TrainerApplication;

/**
 * The whole platform in one process: Kafka and Redis (embedded unless external addresses
 * are given), the ingest, trainer and ranker services, each its own Spring Boot
 * application on its own port, meeting only through Kafka, Redis and the model store as
 * in a deployment.
 */
public final class Platform implements AutoCloseable {

	private final @Nullable EmbeddedKafka kafka;

	private final @Nullable EmbeddedRedis redis;

	private final String bootstrapServers;

	private final String redisUrl;

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private final Settings settings;

	private int ingestPort;

	private int trainerPort;

	/**
	 * How to run the platform.
	 *
	 * @param kafka external Kafka bootstrap servers, or null for an in-process broker
	 * @param redis external Redis URL, or null for an embedded server
	 * @param rankerPort the ranker's HTTP port (0 for a free one)
	 * @param apiKey the API key the ranker accepts
	 * @param store the model store directory
	 * @param trainerConfig RecBole keys of the training runs
	 * @param maxSequenceLength events kept per user
	 */
	public record Settings(@Nullable String kafka, @Nullable String redis, int rankerPort, String apiKey, Path store,
			Map<String, String> trainerConfig, int maxSequenceLength) {
	}

	private Platform(Settings settings, @Nullable EmbeddedKafka kafka, @Nullable EmbeddedRedis redis) {
		this.settings = settings;
		this.kafka = kafka;
		this.redis = redis;
		this.bootstrapServers = (kafka != null) ? kafka.bootstrapServers() : settings.kafka();
		this.redisUrl = (redis != null) ? redis.url() : settings.redis();
	}

	/**
	 * Starts the servers and the services.
	 * @param settings how to run
	 * @param out where to report progress
	 * @return the running platform (close it to stop everything)
	 */
	public static Platform start(Settings settings, PrintWriter out) {
		EmbeddedKafka kafka = null;
		EmbeddedRedis redis = null;
		if (settings.kafka() == null) {
			kafka = EmbeddedKafka.start(0, 3, Topics.INTERACTIONS, Topics.INTERACTIONS_DLT, Topics.MODEL_UPDATES);
			say(out, "started an in-process Kafka broker (KRaft) at %s", kafka.bootstrapServers());
		}
		if (settings.redis() == null) {
			redis = EmbeddedRedis.start(0);
			say(out, "started an embedded Redis server at %s", redis.url());
		}
		Platform platform = new Platform(settings, kafka, redis);
		try {
			platform.startServices(out);
			return platform;
		}
		catch (RuntimeException ex) {
			platform.close();
			throw ex;
		}
	}

	private void startServices(PrintWriter out) {
		String kafkaSetting = "spring.kafka.bootstrap-servers=" + this.bootstrapServers;
		String redisSetting = "spring.data.redis.url=" + this.redisUrl;
		this.ingestPort = EmbeddedRedis.freePort();
		this.services.add(BootApps.run(IngestApplication.class, IngestApplication.CONFIG_NAME, true, kafkaSetting,
				redisSetting, "server.port=" + this.ingestPort,
				"seqrec.ingest.max-sequence-length=" + this.settings.maxSequenceLength()));
		say(out, "started ingest-service on http://localhost:%d", this.ingestPort);
		this.trainerPort = EmbeddedRedis.freePort();
		List<String> trainer = new ArrayList<>(List.of(kafkaSetting, redisSetting, "server.port=" + this.trainerPort,
				"seqrec.trainer.store=" + this.settings.store().toAbsolutePath()));
		this.settings.trainerConfig()
			.forEach((key, value) -> trainer.add("seqrec.trainer.config." + key + "=" + value));
		this.services.add(BootApps.run(TrainerApplication.class, TrainerApplication.CONFIG_NAME, true,
				trainer.toArray(String[]::new)));
		say(out, "started trainer-service on http://localhost:%d", this.trainerPort);
		this.services.add(BootApps.run(RankerApplication.class, RankerApplication.CONFIG_NAME, true, kafkaSetting,
				redisSetting, "server.port=" + this.settings.rankerPort(),
				"seqrec.ranker.store=" + this.settings.store().toAbsolutePath(),
				"seqrec.ranker.api-keys=" + this.settings.apiKey()));
		say(out, "started ranker-service on %s", rankerUrl());
	}

	private static void say(PrintWriter out, String format, Object... args) {
		out.printf(Locale.ROOT, format + "%n", args);
		out.flush();
	}

	/**
	 * Kafka's bootstrap servers.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * Redis's URL.
	 * @return {@code redis://host:port}
	 */
	public String redisUrl() {
		return this.redisUrl;
	}

	/**
	 * The ranker's base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String rankerUrl() {
		ConfigurableApplicationContext ranker = this.services.get(this.services.size() - 1);
		return "http://localhost:" + ranker.getEnvironment().getProperty("local.server.port");
	}

	/**
	 * The trainer's base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String trainerUrl() {
		return "http://localhost:" + this.trainerPort;
	}

	/**
	 * The ingest service's base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String ingestUrl() {
		return "http://localhost:" + this.ingestPort;
	}

	/**
	 * Waits until Redis counts at least the given number of ingested events.
	 * @param expected the number of unique events sent
	 * @param timeout how long to wait
	 * @param progress called with the count about every two seconds and at the end
	 * @throws InterruptedException if interrupted
	 */
	public void awaitIngested(long expected, Duration timeout, LongConsumer progress) throws InterruptedException {
		try (RedisClient client = RedisClient.create(this.redisUrl);
				StatefulRedisConnection<String, String> redis = client.connect(StringCodec.UTF8)) {
			long deadline = System.nanoTime() + timeout.toNanos();
			long lastReport = 0;
			long ingested = 0;
			while (ingested < expected) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"only " + ingested + " of " + expected + " events were ingested within " + timeout);
				}
				TimeUnit.MILLISECONDS.sleep(50);
				String counter = redis.sync().get(RedisKeys.EVENT_COUNTER);
				ingested = (counter != null) ? Long.parseLong(counter) : 0;
				if (System.nanoTime() - lastReport > 2_000_000_000L) {
					lastReport = System.nanoTime();
					progress.accept(ingested);
				}
			}
			progress.accept(ingested);
		}
	}

	/**
	 * Stops the services (ranker first), then the embedded servers.
	 */
	@Override
	public void close() {
		for (int i = this.services.size() - 1; i >= 0; i--) {
			this.services.get(i).close();
		}
		this.services.clear();
		if (this.kafka != null) {
			this.kafka.close();
		}
		if (this.redis != null) {
			this.redis.close();
		}
	}

}
