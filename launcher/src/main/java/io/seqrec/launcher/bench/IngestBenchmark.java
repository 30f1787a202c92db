package io.seqrec.launcher.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.ingest.IngestApplication;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.EmbeddedKafka;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.launcher.SyntheticEvents;

/**
 * {@code seqrec bench ingest}: produces synthetic events into an in-process Kafka broker,
 * then measures the ingest service consuming them into an embedded Redis server (events
 * per second end to end, until Redis holds every unique event), and, on the same Redis,
 * the raw throughput of pipelined sorted-set writes with Lettuce, so the ratio shows what
 * the service adds. Both phases first run a warm-up that is not measured (the first
 * {@code --warmup-events} events of the stream; as many raw writes): a long-running
 * service has compiled its path, and a fresh JVM spends the first seconds in the JIT.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = "Measure Kafka -> ingest-service -> Redis throughput against raw pipelined Redis writes.")
final class IngestBenchmark implements Callable<Integer> {

	private static final int RAW_PIPELINE = 1000;

	@Option(names = "--events", description = "Events to produce and ingest (default: ${DEFAULT-VALUE}).")
	int events = 1_000_000;

	@Option(names = "--warmup-events",
			description = "Events ingested (and raw writes made) before measuring (default: ${DEFAULT-VALUE}).")
	int warmupEvents = 200_000;

	@Option(names = "--users", description = "Distinct users (default: ${DEFAULT-VALUE}).")
	int users = 10_000;

	@Option(names = "--items", description = "Distinct items (default: ${DEFAULT-VALUE}).")
	int items = 50_000;

	@Option(names = "--duplicates", description = "Share of duplicate events (default: ${DEFAULT-VALUE}).")
	double duplicates = 0.01;

	@Option(names = "--late", description = "Share of late events (default: ${DEFAULT-VALUE}).")
	double late = 0.01;

	@Option(names = "--partitions", description = "Partitions of the interaction topic (default: ${DEFAULT-VALUE}).")
	int partitions = 3;

	@Option(names = "--concurrency", description = "Listener threads (default: ${DEFAULT-VALUE}).")
	int concurrency = 2;

	@Option(names = "--max-poll-records", description = "Records per batch (default: ${DEFAULT-VALUE}).")
	int maxPollRecords = 20000;

	@Option(names = "--users-per-script", description = "Users per atomic script call (default: ${DEFAULT-VALUE}).")
	int usersPerScript = 256;

	@Option(names = "--redis-config", paramLabel = "NAME=VALUE",
			description = "A setting of the embedded Redis (CONFIG SET) for both phases, e.g. zset-max-ziplist-entries=16.")
	Map<String, String> redisConfig = new LinkedHashMap<>();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf(Locale.ROOT,
				"bench ingest: %,d events after %,d warm-up events, %,d users, %,d items, %.0f%% duplicates, %.0f%% late, %d cores%n",
				this.events, this.warmupEvents, this.users, this.items, this.duplicates * 100, this.late * 100,
				Runtime.getRuntime().availableProcessors());
		out.flush();
		double ingestRate;
		double rawRate;
		try (EmbeddedRedis redis = EmbeddedRedis.start(0);
				EmbeddedKafka kafka = EmbeddedKafka.start(0, this.partitions, Topics.INTERACTIONS,
						Topics.INTERACTIONS_DLT)) {
			configure(redis.url(), out);
			Produced produced = produce(kafka.bootstrapServers(), out);
			ingestRate = ingest(kafka.bootstrapServers(), redis.url(), produced, out);
			rawRate = rawRedis(redis.url(), out);
		}
		// after the servers stopped, so that nothing prints after the figures
		out.printf(Locale.ROOT, "ingest/raw ratio: %.1f%%%n", 100.0 * ingestRate / rawRate);
		out.printf(Locale.ROOT, "ingest_events_per_second=%d%n", Math.round(ingestRate));
		out.printf(Locale.ROOT, "redis_raw_ops_per_second=%d%n", Math.round(rawRate));
		out.flush();
		return 0;
	}

	private void configure(String redisUrl, PrintWriter out) {
		if (this.redisConfig.isEmpty()) {
			return;
		}
		try (RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			this.redisConfig.forEach((name, value) -> {
				connection.sync().configSet(name, value);
				out.printf(Locale.ROOT, "redis: %s %s%n", name, connection.sync().configGet(name).get(name));
			});
		}
	}

	/**
	 * Unique events produced.
	 *
	 * @param warmup among the warm-up events
	 * @param measured among the measured events
	 */
	private record Produced(long warmup, long measured) {
	}

	/**
	 * Produces the warm-up events, then the measured ones, as one stream.
	 * @return the unique events of each part
	 */
	private Produced produce(String bootstrap, PrintWriter out) throws Exception {
		SyntheticEvents generator = new SyntheticEvents(this.users, this.items, this.duplicates, this.late, 42,
				1_700_000_000_000L);
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG,
				262_144, ProducerConfig.BUFFER_MEMORY_CONFIG, 134_217_728L);
		long start = System.nanoTime();
		long warmupUnique = 0;
		long measuredUnique = 0;
		int total = this.warmupEvents + this.events;
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			for (int i = 0; i < total; i++) {
				SyntheticEvents.Event event = generator.next();
				if (!event.duplicate() && i < this.warmupEvents) {
					warmupUnique++;
				}
				else if (!event.duplicate()) {
					measuredUnique++;
				}
				producer.send(new ProducerRecord<>(Topics.INTERACTIONS, event.key(), event.bytes()));
			}
			producer.flush();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		out.printf(Locale.ROOT, "produced %,d events (%,d unique) in %.1f s (%,.0f events/s)%n", total,
				warmupUnique + measuredUnique, seconds, total / seconds);
		out.flush();
		return new Produced(warmupUnique, measuredUnique);
	}

	/**
	 * Ingests the stream; the clock runs from the moment Redis holds every unique warm-up
	 * event (the counter moves a batch at a time, at both ends alike) until it holds
	 * every unique event.
	 */
	private double ingest(String bootstrap, String redisUrl, Produced produced, PrintWriter out) throws Exception {
		long warmupUnique = produced.warmup();
		long unique = produced.measured();
		// command-line arguments: they win over the service's configuration file
		ConfigurableApplicationContext context = BootApps.run(IngestApplication.class, IngestApplication.CONFIG_NAME,
				false, "spring.kafka.bootstrap-servers=" + bootstrap, "spring.data.redis.url=" + redisUrl,
				"spring.kafka.listener.auto-startup=false", "spring.kafka.listener.concurrency=" + this.concurrency,
				"spring.kafka.consumer.max-poll-records=" + this.maxPollRecords,
				"spring.kafka.consumer.group-id=bench-" + UUID.randomUUID(),
				"seqrec.ingest.partitions=" + this.partitions, "seqrec.ingest.users-per-script=" + this.usersPerScript);
		try (RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			long listenerStart = System.nanoTime();
			context.getBean(KafkaListenerEndpointRegistry.class).start();
			long total = warmupUnique + unique;
			long ingested = 0;
			long start = (warmupUnique == 0) ? listenerStart : 0;
			long lastReport = listenerStart;
			while (ingested < total) {
				TimeUnit.MILLISECONDS.sleep(20);
				String counter = connection.sync().get(RedisKeys.EVENT_COUNTER);
				ingested = (counter != null) ? Long.parseLong(counter) : 0;
				if (start == 0 && ingested >= warmupUnique) {
					start = System.nanoTime();
					out.printf(Locale.ROOT, "warm-up: %,d events (%,d unique) in %.2f s, not measured%n",
							this.warmupEvents, warmupUnique, (start - listenerStart) / 1e9);
					out.flush();
				}
				if (System.nanoTime() - lastReport > 2_000_000_000L) {
					lastReport = System.nanoTime();
					out.printf(Locale.ROOT, "  ingested %,d of %,d unique events%n", ingested, total);
					out.flush();
				}
				if (System.nanoTime() - listenerStart > TimeUnit.MINUTES.toNanos(10)) {
					throw new IllegalStateException(
							"ingestion did not finish within 10 minutes: " + ingested + " of " + total);
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			double rate = this.events / seconds;
			out.printf(Locale.ROOT, "ingested %,d events (%,d unique) into Redis in %.2f s: %,.0f events/s%n",
					this.events, unique, seconds, rate);
			out.flush();
			return rate;
		}
		finally {
			context.close();
		}
	}

	private double rawRedis(String redisUrl, PrintWriter out) throws Exception {
		int ops = this.events;
		SplittableRandom random = new SplittableRandom(7);
		try (RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			connection.setAutoFlushCommands(false);
			rawWrites(connection, random, 0, this.warmupEvents);
			long start = System.nanoTime();
			rawWrites(connection, random, this.warmupEvents, this.warmupEvents + ops);
			double seconds = (System.nanoTime() - start) / 1e9;
			double rate = ops / seconds;
			out.printf(Locale.ROOT,
					"raw pipelined ZADD (Lettuce, %d per pipeline, %,d keys): %,d ops in %.2f s: %,.0f ops/s%n",
					RAW_PIPELINE, this.users, ops, seconds, rate);
			out.flush();
			return rate;
		}
	}

	private void rawWrites(StatefulRedisConnection<String, String> connection, SplittableRandom random, int from,
			int to) throws Exception {
		RedisAsyncCommands<String, String> redis = connection.async();
		for (int done = from; done < to; done += RAW_PIPELINE) {
			List<RedisFuture<Long>> replies = new ArrayList<>(RAW_PIPELINE);
			for (int i = done; i < Math.min(to, done + RAW_PIPELINE); i++) {
				replies.add(redis.zadd("raw:u:{" + random.nextInt(this.users) + "}:seq", i, "raw-" + i));
			}
			connection.flushCommands();
			for (RedisFuture<Long> reply : replies) {
				reply.get(30, TimeUnit.SECONDS);
			}
		}
	}

}
