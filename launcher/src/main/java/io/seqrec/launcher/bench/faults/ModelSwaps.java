package io.seqrec.launcher.bench.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.Topics;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.launcher.bench.RankerFixtures;
import io.seqrec.ranker.RankerApplication;

/**
 * Scenario 4: the ranker answers a constant load while new model versions are published
 * as the trainer's registry publishes them (artifact into the store, live pointer moved,
 * update on {@code seqrec.model-updates}); one of them is corrupt (a parameter file no
 * longer matches its manifest). Every request must succeed, the corrupt version must be
 * refused and the version before it must keep serving.
 */
final class ModelSwaps {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "faults-ranker-key";

	private static final String NAME = "sasrec";

	private final FaultsBenchmark.Options options;

	private final PrintWriter out;

	ModelSwaps(FaultsBenchmark.Options options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	Outcome run() throws Exception {
		int swaps = this.options.swaps();
		int corrupt = (swaps + 1) / 2;
		double rate = this.options.swapRate();
		Duration duration = Duration.ofSeconds(this.options.swapSeconds());
		say("4. ranker under swaps: %.0f requests/s for %d s, %d model versions published, version %d corrupt", rate,
				duration.toSeconds(), swaps, corrupt);
		String users = this.options.runId() + "-swap-user-";
		Path storeDir = Files.createTempDirectory(this.options.workDirectory(), "store");
		FileSystemModelStore store = new FileSystemModelStore(storeDir);
		try (Infrastructure servers = Infrastructure.start(this.options, this.out);
				FixedRateClient client = new FixedRateClient();
				KafkaProducer<String, String> updates = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.bootstrapServers()),
						new StringSerializer(), new StringSerializer())) {
			RankerFixtures.writeSequences(servers.redisUrl(), users, this.options.swapUsers(), 50,
					this.options.swapItems(), this.options.seed());
			long staging = System.nanoTime();
			List<Path> staged = new ArrayList<>();
			for (int i = 0; i <= swaps; i++) {
				staged.add(RankerFixtures.stage(store, NAME, "SASRec", this.options.swapItems(), Map.of()).directory());
			}
			RankerFixtures.publish(store, NAME, version(0), staged.get(0));
			say("  %,d users' sequences in Redis; %d SASRec artifacts over %,d items staged in %.1f s",
					this.options.swapUsers(), swaps + 1, this.options.swapItems(), (System.nanoTime() - staging) / 1e9);
			int port = EmbeddedRedis.freePort();
			List<String> settings = new ArrayList<>(
					List.of("server.port=" + port, "spring.kafka.bootstrap-servers=" + servers.bootstrapServers(),
							"spring.data.redis.url=" + servers.redisUrl(), "seqrec.ranker.store=" + storeDir,
							"seqrec.ranker.api-keys=" + KEY));
			settings.addAll(this.options.rankerSettings());
			ConfigurableApplicationContext ranker = BootApps.run(RankerApplication.class, RankerApplication.CONFIG_NAME,
					true, settings.toArray(String[]::new));
			try {
				RankerFixtures.awaitReady(port);
				SplittableRandom random = new SplittableRandom(this.options.seed());
				int userCount = this.options.swapUsers();
				URI base = URI.create("http://127.0.0.1:" + port + "/v1/users/");
				LongFunction<HttpRequest> request = (i) -> HttpRequest
					.newBuilder(base.resolve(users + random.nextInt(userCount) + "/recommendations?k=10"))
					.header("X-API-Key", KEY)
					.timeout(Duration.ofSeconds(10))
					.build();
				client.run(request, rate, Duration.ofSeconds(10));
				say("  warmed up for 10 s; measuring");
				long[] announced = new long[swaps + 1];
				Thread publisher = new Thread(() -> {
					try {
						publish(store, staged, updates, announced, corrupt, duration);
					}
					catch (Exception ex) {
						say("  publishing failed: %s", ex);
					}
				}, "faults-publisher");
				long start = System.nanoTime();
				announced[0] = start;
				publisher.start();
				List<FixedRateClient.Sample> samples = client.run(request, rate, duration);
				publisher.join();
				MeterRegistry meters = ranker.getBean(MeterRegistry.class);
				Counter refused = meters.find("seqrec.ranker.model.loads").tag("outcome", "refused").counter();
				return report(samples, announced, corrupt, (refused != null) ? refused.count() : 0, rate, duration);
			}
			finally {
				ranker.close();
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(storeDir)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	private static String version(int i) {
		return String.format(Locale.ROOT, "swap-%02d", i);
	}

	/** Publishes versions 1..n evenly over the duration, starting half a step in. */
	private void publish(FileSystemModelStore store, List<Path> staged, KafkaProducer<String, String> updates,
			long[] announced, int corrupt, Duration duration) throws Exception {
		int swaps = staged.size() - 1;
		long start = announced[0];
		for (int i = 1; i <= swaps; i++) {
			long due = start + (long) ((i - 0.5) * duration.toNanos() / swaps);
			long wait = due - System.nanoTime();
			if (wait > 0) {
				TimeUnit.NANOSECONDS.sleep(wait);
			}
			ModelVersion stored = RankerFixtures.publish(store, NAME, version(i), staged.get(i));
			if (i == corrupt) {
				damage(store.resolve(stored.location()));
			}
			announced[i] = System.nanoTime();
			ModelUpdate update = new ModelUpdate(NAME, version(i), stored.location(), Map.of(), stored.checksum(),
					System.currentTimeMillis());
			updates.send(new ProducerRecord<>(Topics.MODEL_UPDATES, NAME, JSON.writeValueAsString(update))).get();
		}
	}

	/**
	 * Overwrites bytes in the middle of the parameter file: it no longer matches its
	 * manifest.
	 */
	private static void damage(Path artifact) throws IOException {
		Path params;
		try (Stream<Path> files = Files.list(artifact)) {
			params = files.filter((file) -> file.getFileName().toString().startsWith(ModelArtifact.PARAMS_PREFIX))
				.findFirst()
				.orElseThrow();
		}
		try (FileChannel channel = FileChannel.open(params, StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap(new byte[64]), channel.size() / 2);
		}
	}

	/**
	 * How the corrupt version fared, judged by when answers came back: an answer received
	 * after the corrupt version was announced (and a second for the ranker to see it) and
	 * before the next one was announced must come from a version published before it.
	 * Answers are judged by their arrival, not by when their request was due: under load
	 * a request due in that interval may be answered after the next version went live.
	 *
	 * @param corruptServed answers that carry the corrupt version
	 * @param previousServed answers in the interval from the version just before it
	 * @param olderServed answers in the interval from an earlier version still finishing
	 * its requests
	 * @param otherServed answers in the interval from no version or any other one
	 */
	record Containment(long corruptServed, long previousServed, long olderServed, long otherServed) {

		boolean contained(double refused) {
			return this.corruptServed == 0 && this.otherServed == 0 && this.previousServed > 0 && refused >= 1;
		}

		static Containment of(List<FixedRateClient.Sample> samples, long[] announced, int corrupt, long window) {
			String corruptVersion = version(corrupt);
			String previous = version(corrupt - 1);
			long from = announced[corrupt] + window;
			long until = (corrupt + 1 < announced.length && announced[corrupt + 1] != 0) ? announced[corrupt + 1]
					: Long.MAX_VALUE;
			long corruptServed = 0;
			long previousServed = 0;
			long olderServed = 0;
			long otherServed = 0;
			for (FixedRateClient.Sample sample : samples) {
				String served = sample.version();
				if (corruptVersion.equals(served)) {
					corruptServed++;
				}
				long answeredAt = sample.scheduledAt() + sample.latencyNanos();
				if (!sample.succeeded() || answeredAt < from || answeredAt >= until) {
					continue;
				}
				if (previous.equals(served)) {
					previousServed++;
				}
				else if (served != null && served.startsWith("swap-") && served.compareTo(previous) < 0) {
					olderServed++;
				}
				else if (!corruptVersion.equals(served)) {
					otherServed++;
				}
			}
			return new Containment(corruptServed, previousServed, olderServed, otherServed);
		}

	}

	private Outcome report(List<FixedRateClient.Sample> samples, long[] announced, int corrupt, double refused,
			double rate, Duration duration) {
		long window = TimeUnit.SECONDS.toNanos(1);
		List<Long> during = new ArrayList<>();
		List<Long> outside = new ArrayList<>();
		long succeeded = 0;
		long serverErrors = 0;
		long unanswered = 0;
		long failedInSwaps = 0;
		for (FixedRateClient.Sample sample : samples) {
			unanswered += (sample.status() == 0) ? 1 : 0;
			boolean inSwap = false;
			for (int i = 1; i < announced.length; i++) {
				inSwap |= announced[i] != 0 && sample.scheduledAt() >= announced[i]
						&& sample.scheduledAt() < announced[i] + window;
			}
			(inSwap ? during : outside).add(sample.latencyNanos());
			failedInSwaps += (inSwap && !sample.succeeded()) ? 1 : 0;
			succeeded += sample.succeeded() ? 1 : 0;
			serverErrors += (sample.status() >= 500) ? 1 : 0;
		}
		Containment containment = Containment.of(samples, announced, corrupt, window);
		long failed = samples.size() - succeeded + containment.corruptServed();
		String last = samples.isEmpty() ? "-" : String.valueOf(samples.get(samples.size() - 1).version());
		boolean kept = containment.contained(refused);
		say("  %,d requests sent, %,d answered 2xx, %,d failed (%,d due within 1 s of a swap; %,d with 5xx, %,d not "
				+ "answered within 10 s)", samples.size(), succeeded, samples.size() - succeeded, failedInSwaps,
				serverErrors, unanswered);
		say("  latency p50 %.1f ms, p99 %.1f ms within 1 s of a swap (%,d requests); p50 %.1f ms, p99 %.1f ms "
				+ "outside (%,d requests)", FixedRateClient.percentileMillis(during, 0.5),
				FixedRateClient.percentileMillis(during, 0.99), during.size(),
				FixedRateClient.percentileMillis(outside, 0.5), FixedRateClient.percentileMillis(outside, 0.99),
				outside.size());
		say("  corrupt version %s: refused %.0f time(s) by the ranker, served %d times; answers received until the "
				+ "next version: %,d from %s, %,d from earlier versions finishing their requests, %,d from no or "
				+ "another version; last answer from %s", version(corrupt), refused, containment.corruptServed(),
				containment.previousServed(), version(corrupt - 1), containment.olderServed(),
				containment.otherServed(), last);
		return new Outcome("ranker under swaps",
				String.format(Locale.ROOT, "%.0f req/s x %d s", rate, duration.toSeconds()),
				String.format(Locale.ROOT, "%d swaps, 1 corrupt", announced.length - 1), 0, 0, 0, failed, serverErrors,
				0,
				String.format(Locale.ROOT, "p99 %.0f ms in swaps / %.0f ms; corrupt %s",
						FixedRateClient.percentileMillis(during, 0.99), FixedRateClient.percentileMillis(outside, 0.99),
						kept ? "refused, previous kept serving" : "NOT contained"),
				null);
	}

	private void say(String format, Object... args) {
		this.out.printf(Locale.ROOT, format + "%n", args);
		this.out.flush();
	}

}
