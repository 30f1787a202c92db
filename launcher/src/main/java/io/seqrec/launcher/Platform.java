package io.seqrec.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

	private static final Logger logger = LoggerFactory.getLogger(Platform.class);

	private final Settings settings;

	private final Object lock = new Object();

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	private volatile @Nullable EmbeddedKafka kafka;

	private volatile @Nullable EmbeddedRedis redis;

	private volatile @Nullable String bootstrapServers;

	private volatile @Nullable String redisUrl;

	private boolean closed;

	private int ingestPort;

	private int trainerPort;

	/**
	 * How to run the platform.
	 *
	 * @param kafka external Kafka bootstrap servers, or null for an in-process broker
	 * @param redis external Redis URL, or null for an embedded server
	 * @param rankerPort the ranker's HTTP port (0 for a free one)
	 * @param apiKey the API key the ranker accepts
	 * @param adminKey the API key the trainer accepts
	 * @param store the model store directory
	 * @param trainerConfig RecBole keys of the training runs
	 * @param maxSequenceLength events kept per user
	 */
	public record Settings(@Nullable String kafka, @Nullable String redis, int rankerPort, String apiKey,
			String adminKey, Path store, Map<String, String> trainerConfig, int maxSequenceLength) {
	}

	private Platform(Settings settings) {
		this.settings = settings;
	}

	/**
	 * A platform that is not started yet, so that whoever stops it (a shutdown hook) can
	 * hold it while it starts.
	 * @param settings how to run
	 * @return the platform
	 */
	public static Platform prepare(Settings settings) {
		return new Platform(settings);
	}

	/**
	 * Starts the servers and the services.
	 * @param settings how to run
	 * @param out where to report progress
	 * @return the running platform (close it to stop everything)
	 */
	public static Platform start(Settings settings, PrintWriter out) {
		Platform platform = prepare(settings);
		platform.start(out);
		return platform;
	}

	/**
	 * Starts the servers and the services; what has started is stopped again if a step
	 * fails, and a platform closed while it starts stops starting.
	 * @param out where to report progress
	 */
	public void start(PrintWriter out) {
		try {
			if (this.settings.kafka() == null) {
				this.kafka = keep(
						EmbeddedKafka.start(0, 3, Topics.INTERACTIONS, Topics.INTERACTIONS_DLT, Topics.MODEL_UPDATES));
				say(out, "started an in-process Kafka broker (KRaft) at %s", this.kafka.bootstrapServers());
			}
			if (this.settings.redis() == null) {
				startRedis();
				say(out, "started an embedded Redis server at %s", this.redis.url());
			}
			this.bootstrapServers = (this.kafka != null) ? this.kafka.bootstrapServers() : this.settings.kafka();
			this.redisUrl = (this.redis != null) ? this.redis.url() : this.settings.redis();
			startServices(out);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Hands a started server or service over, or closes it if the platform was closed
	 * meanwhile.
	 */
	private <T extends AutoCloseable> T keep(T started) {
		synchronized (this.lock) {
			if (!this.closed) {
				return started;
			}
		}
		try {
			started.close();
		}
		catch (Exception ex) {
			logger.warn("cannot stop {}: {}", started, ex.getMessage());
		}
		throw new IllegalStateException("the platform was stopped while it started");
	}

	/**
	 * Starts Redis under the lock, so that a close waits for it: unlike the broker and
	 * the services, Redis is a process of its own, and would outlive this one.
	 */
	private void startRedis() {
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("the platform was stopped while it started");
			}
			this.redis = EmbeddedRedis.start(0);
		}
	}

	private void startService(Class<?> application, String configName, List<String> settings) {
		ConfigurableApplicationContext context = keep(
				BootApps.run(application, configName, true, settings.toArray(String[]::new)));
		synchronized (this.lock) {
			this.services.add(context);
		}
	}

	private void startServices(PrintWriter out) {
		String kafkaSetting = "spring.kafka.bootstrap-servers=" + this.bootstrapServers;
		String redisSetting = "spring.data.redis.url=" + this.redisUrl;
		this.ingestPort = EmbeddedRedis.freePort();
		startService(IngestApplication.class, IngestApplication.CONFIG_NAME,
				List.of(kafkaSetting, redisSetting, "server.port=" + this.ingestPort,
						"seqrec.ingest.max-sequence-length=" + this.settings.maxSequenceLength()));
		say(out, "started ingest-service on http://localhost:%d", this.ingestPort);
		this.trainerPort = EmbeddedRedis.freePort();
		List<String> trainer = new ArrayList<>(List.of(kafkaSetting, redisSetting, "server.port=" + this.trainerPort,
				"seqrec.trainer.store=" + this.settings.store().toAbsolutePath(),
				"seqrec.trainer.api-keys=" + this.settings.adminKey()));
		this.settings.trainerConfig()
			.forEach((key, value) -> trainer.add("seqrec.trainer.config." + key + "=" + value));
		startService(TrainerApplication.class, TrainerApplication.CONFIG_NAME, trainer);
		say(out, "started trainer-service on http://localhost:%d", this.trainerPort);
		startService(RankerApplication.class, RankerApplication.CONFIG_NAME,
				List.of(kafkaSetting, redisSetting, "server.port=" + this.settings.rankerPort(),
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
		return Objects.requireNonNull(this.bootstrapServers, "not started");
	}

	/**
	 * Redis's URL.
	 * @return {@code redis://host:port}
	 */
	public String redisUrl() {
		return Objects.requireNonNull(this.redisUrl, "not started");
	}

	/**
	 * The ranker's base URL.
	 * @return {@code http://localhost:<port>}
	 */
	public String rankerUrl() {
		ConfigurableApplicationContext ranker;
		synchronized (this.lock) {
			ranker = this.services.get(this.services.size() - 1);
		}
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
		try (RedisClient client = RedisClient.create(redisUrl());
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
	 * Stops the services (ranker first), then the embedded servers. One close runs at a
	 * time; a second one waits for it and finds nothing left to stop.
	 */
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			for (int i = this.services.size() - 1; i >= 0; i--) {
				closeQuietly(this.services.get(i));
			}
			this.services.clear();
			EmbeddedKafka broker = this.kafka;
			this.kafka = null;
			if (broker != null) {
				closeQuietly(broker);
			}
			EmbeddedRedis server = this.redis;
			this.redis = null;
			if (server != null) {
				closeQuietly(server);
			}
		}
	}

	/**
	 * Stops everything, waiting at most the given time: what is still stopping then is
	 * left to end with the process (a shutdown hook's way to keep Ctrl-C prompt whatever
	 * is running, a training run or the broker's own shutdown).
	 * @param timeout the longest wait
	 * @return true if everything stopped in time
	 */
	public boolean closeWithin(Duration timeout) {
		return Deadlines.runWithin(this::close, timeout, "seqrec-platform-close");
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			logger.warn("cannot stop {}: {}", closeable, ex.getMessage());
		}
	}

}
