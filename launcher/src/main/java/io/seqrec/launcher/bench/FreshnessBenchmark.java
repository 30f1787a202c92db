package io.seqrec.launcher.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.contract.InteractionEvent;
import io.seqrec.contract.Topics;
import io.seqrec.data.PlantedSequences;
import io.seqrec.launcher.JsonHttp;
import io.seqrec.launcher.Platform;
import io.seqrec.launcher.QuickTraining;
import io.seqrec.launcher.SyntheticEvents;

/**
 * {@code seqrec bench freshness}: how long a new interaction takes to change the answer.
 * On the local platform with a model trained on a planted pattern
 * ({@link PlantedSequences}: every item has one successor), it sends one event for a user
 * and polls the ranker until that user's top recommendation is the successor of the new
 * item, from the moment the event is sent.
 */
@Command(name = "freshness", mixinStandardHelpOptions = true,
		description = "Time from producing an event to a changed recommendation (p50/p99).")
final class FreshnessBenchmark implements Callable<Integer> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String KEY = "bench-key";

	private static final String ADMIN_KEY = "bench-admin-key";

	private static final int USERS = 400;

	private static final int ITEMS = 120;

	private static final int LENGTH = 12;

	@Option(names = "--events", description = "Events to time, one per user, at most 400 (default: ${DEFAULT-VALUE}).")
	int events = 100;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final JsonHttp json = new JsonHttp();

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.events < 1 || this.events > USERS) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"--events must be between 1 and " + USERS);
		}
		PlantedSequences pattern = PlantedSequences.cycle(ITEMS);
		double[] latencies = new double[this.events];
		try (Platform platform = Platform.start(new Platform.Settings(null, null, 0, KEY, ADMIN_KEY,
				Files.createTempDirectory("seqrec-freshness"), QuickTraining.sasrec(10), 200),
				new PrintWriter(new StringWriter()));
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
								ProducerConfig.LINGER_MS_CONFIG, 0),
						new StringSerializer(), new StringSerializer())) {
			long start = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
			for (int u = 0; u < USERS; u++) {
				for (InteractionEvent event : SyntheticEvents.walk(pattern, PlantedSequences.userId(u), u % ITEMS,
						LENGTH, start)) {
					producer.send(record(event));
				}
			}
			producer.flush();
			platform.awaitIngested(USERS * LENGTH, Duration.ofMinutes(5), (count) -> {
			});
			out.println("trained first model " + trainFirstModel(platform));
			out.flush();
			SplittableRandom random = new SplittableRandom(3);
			int[] order = IntStream.range(0, USERS).toArray();
			long time = System.currentTimeMillis();
			for (int i = 0; i < this.events; i++) {
				// one event per user, an item further along the user's cycle: its planted
				// successor is neither in the history (not excluded as seen) nor the
				// current answer, so the answer must change
				int swap = i + random.nextInt(USERS - i);
				int u = order[swap];
				order[swap] = order[i];
				order[i] = u;
				String user = PlantedSequences.userId(u);
				int item = pattern.after(u % ITEMS, LENGTH + random.nextInt(ITEMS - LENGTH - 1));
				String expected = PlantedSequences.itemId(pattern.next(item));
				long sent = System.nanoTime();
				producer.send(record(InteractionEvent.of("fresh-" + i, user, PlantedSequences.itemId(item), ++time)))
					.get();
				while (!expected.equals(top(platform, user))) {
					if (System.nanoTime() - sent > TimeUnit.SECONDS.toNanos(30)) {
						throw new IllegalStateException("no changed answer for " + user + " within 30 s");
					}
				}
				latencies[i] = (System.nanoTime() - sent) / 1e6;
			}
		}
		Arrays.sort(latencies);
		out.printf(Locale.ROOT, "freshness over %d events: min %.1f ms, max %.1f ms%n", this.events, latencies[0],
				latencies[latencies.length - 1]);
		out.printf(Locale.ROOT, "freshness_p50_ms=%.1f%n", percentile(latencies, 0.50));
		out.printf(Locale.ROOT, "freshness_p99_ms=%.1f%n", percentile(latencies, 0.99));
		out.flush();
		return 0;
	}

	private static ProducerRecord<String, String> record(InteractionEvent event) {
		return new ProducerRecord<>(Topics.INTERACTIONS, event.userId(), JSON.writeValueAsString(event));
	}

	static double percentile(double[] sorted, double q) {
		int index = (int) Math.ceil(q * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	private String trainFirstModel(Platform platform) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (System.nanoTime() < deadline) {
			JsonNode run = this.json
				.send(HttpRequest.newBuilder(URI.create(platform.trainerUrl() + "/v1/training-runs"))
					.header("X-API-Key", ADMIN_KEY)
					.POST(HttpRequest.BodyPublishers.noBody())
					.build());
			JsonNode done = run;
			while (!List.of("SUCCEEDED", "REFUSED", "FAILED", "CANCELLED").contains(done.get("status").asString())) {
				TimeUnit.MILLISECONDS.sleep(500);
				done = this.json.send(HttpRequest
					.newBuilder(URI.create(platform.trainerUrl() + "/v1/training-runs/" + run.get("id").asString()))
					.header("X-API-Key", ADMIN_KEY)
					.build());
			}
			if ("SUCCEEDED".equals(done.get("status").asString())) {
				String version = done.get("version").asString();
				while (!version.equals(answer(platform, "user-0").path("version").asString(""))) {
					TimeUnit.MILLISECONDS.sleep(100);
				}
				return version;
			}
			TimeUnit.SECONDS.sleep(1);
		}
		throw new IllegalStateException("no model trained within 10 minutes");
	}

	private String top(Platform platform, String user) throws Exception {
		return answer(platform, user).get("items").get(0).get("itemId").asString();
	}

	private JsonNode answer(Platform platform, String user) throws Exception {
		return this.json.send(
				HttpRequest.newBuilder(URI.create(platform.rankerUrl() + "/v1/users/" + user + "/recommendations?k=1"))
					.header("X-API-Key", KEY)
					.build());
	}

}
