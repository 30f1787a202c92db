package io.seqrec.launcher;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

import io.seqrec.config.ConfigRequest;
import io.seqrec.contract.Topics;
import io.seqrec.data.InteractionTable;
import io.seqrec.model.ModelRegistry;
import io.seqrec.run.Datasets;

/**
 * {@code seqrec demo}: the whole platform on this machine with embedded defaults. It
 * replays a dataset (or generated events with a planted sequential pattern) into Kafka,
 * trains the first model, waits for the ranker to serve it, prints how to use it, and
 * serves until interrupted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run Kafka, Redis, ingest, trainer and ranker on this machine, replay events, train a first",
				"model and serve recommendations over HTTP until interrupted (Ctrl-C)." })
public final class DemoCommand implements Callable<Integer> {

	/** How long Ctrl-C waits for the platform to stop before the process ends anyway. */
	static final Duration STOP_TIMEOUT = Duration.ofSeconds(8);

	private static final String KEY_HEADER = "X-API-Key";

	@Option(names = "--dataset", description = "Replay this atomic dataset (default: generated events).")
	@Nullable String dataset;

	@Option(names = "--data-path",
			description = "Directory holding <dataset>/<dataset>.inter (default: ${DEFAULT-VALUE}).")
	Path dataPath = Path.of("dataset");

	@Option(names = "--ranker-port", description = "The ranker's HTTP port (default: ${DEFAULT-VALUE}).")
	int rankerPort = 8080;

	@Option(names = "--api-key", description = "The ranker's API key (default: a generated key, printed).")
	@Nullable String apiKey;

	@Option(names = "--admin-key",
			description = "The trainer's API key, for training runs and the model registry (default: a generated key, "
					+ "printed).")
	@Nullable String adminKey;

	@Option(names = "--kafka", paramLabel = "HOST:PORT",
			description = "Use this Kafka instead of an in-process broker.")
	@Nullable String kafka;

	@Option(names = "--redis", paramLabel = "URL",
			description = "Use this Redis (redis://host:port) instead of an embedded one.")
	@Nullable String redis;

	@Option(names = "--store",
			description = "The model store directory (default: a new directory for this run, so that the gate "
					+ "compares the first model with nothing).")
	@Nullable Path store;

	@Option(names = "--users", description = "Generated users (default: ${DEFAULT-VALUE}).")
	int users = 1000;

	@Option(names = "--items", description = "Generated items (default: ${DEFAULT-VALUE}).")
	int items = 500;

	@Option(names = "--events", description = "Generated events (default: ${DEFAULT-VALUE}).")
	int events = 40_000;

	@Option(names = "--exit-after-first-answer", hidden = true, description = "Stop once the examples are printed.")
	boolean exitAfterFirstAnswer;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	private final JsonHttp json = new JsonHttp();

	@Override
	public Integer call() throws Exception {
		long start = System.nanoTime();
		PrintWriter out = this.spec.commandLine().getOut();
		String key = (this.apiKey != null) ? this.apiKey : generatedKey("demo-");
		String admin = (this.adminKey != null) ? this.adminKey : generatedKey("admin-");
		Path modelStore = (this.store != null) ? Files.createDirectories(this.store)
				: Files.createTempDirectory("seqrec-demo-models");
		out.println("model store: " + modelStore.toAbsolutePath());
		Map<String, String> trainerConfig = new LinkedHashMap<>();
		trainerConfig.put("epochs", "30");
		trainerConfig.put("stopping_step", "3");
		InteractionTable table = (this.dataset != null) ? readDataset() : null;
		Platform platform = Platform.prepare(new Platform.Settings(this.kafka, this.redis, this.rankerPort, key, admin,
				modelStore, trainerConfig, 1000));
		AtomicBoolean stopping = new AtomicBoolean();
		Thread hook = new Thread(() -> stop(platform, stopping, out), "seqrec-demo-shutdown");
		Runtime.getRuntime().addShutdownHook(hook);
		try {
			platform.start(out);
			long expected = produce(platform, table, out);
			platform.awaitIngested(expected, Duration.ofMinutes(10), (count) -> {
				out.printf(Locale.ROOT, "  events ingested into Redis: %,d of %,d%n", count, expected);
				out.flush();
			});
			String version = train(platform, admin, out);
			String user = (table != null) ? table.userToken(table.size() - 1) : "user-0";
			JsonNode first = awaitModel(platform, key, user, version);
			double seconds = (System.nanoTime() - start) / 1e9;
			printGuide(platform, key, admin, user, first, out);
			out.printf(Locale.ROOT, "first recommendation answered %.1f s after start%n", seconds);
			out.flush();
			if (!this.exitAfterFirstAnswer) {
				out.println("serving until interrupted (Ctrl-C)...");
				out.flush();
				// the shutdown hook stops everything, and the process ends with it
				new CountDownLatch(1).await();
			}
		}
		catch (Exception ex) {
			if (stopping.get()) {
				// interrupted while starting or training: the hook is stopping the
				// platform
				return 130;
			}
			throw ex;
		}
		finally {
			if (!stopping.get()) {
				removeHook(hook);
				platform.close();
			}
		}
		return 0;
	}

	/**
	 * Stops the platform from the shutdown hook (SIGTERM, Ctrl-C), giving it
	 * {@link #STOP_TIMEOUT}: whatever still runs then (a training run, the embedded
	 * broker's shutdown) ends with the process.
	 */
	private static void stop(Platform platform, AtomicBoolean stopping, PrintWriter out) {
		stopping.set(true);
		long start = System.nanoTime();
		out.println("stopping seqrec...");
		out.flush();
		boolean stopped = platform.closeWithin(STOP_TIMEOUT);
		out.printf(Locale.ROOT, stopped ? "stopped in %.1f s%n" : "not stopped after %.1f s; exiting anyway%n",
				(System.nanoTime() - start) / 1e9);
		out.flush();
	}

	private static void removeHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// the process is already shutting down
		}
	}

	private static String generatedKey(String prefix) {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return prefix + HexFormat.of().formatHex(bytes);
	}

	private InteractionTable readDataset() {
		var config = ModelRegistry.loadConfig(ConfigRequest.of("SASRec", this.dataset));
		return Datasets.readAtomic(config, this.dataPath, this.dataset);
	}

	private long produce(Platform platform, @Nullable InteractionTable table, PrintWriter out) {
		if (table != null) {
			out.printf(Locale.ROOT, "replaying %s (%,d interactions) into Kafka topic %s%n", this.dataset, table.size(),
					Topics.INTERACTIONS);
			DatasetReplayer.replay(table, this.dataset, platform.bootstrapServers(),
					DatasetReplayer.printer(out, table.size()));
			return table.size();
		}
		out.printf(Locale.ROOT,
				"sending %,d generated events (%,d users, %,d items, a planted sequential pattern) to Kafka topic %s%n",
				this.events, this.users, this.items, Topics.INTERACTIONS);
		SyntheticEvents generator = new SyntheticEvents(this.users, this.items, 0.01, 0.01, 7,
				System.currentTimeMillis() - Duration.ofDays(30).toMillis());
		long unique = 0;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers(),
						ProducerConfig.LINGER_MS_CONFIG, 10),
				new StringSerializer(), new StringSerializer())) {
			for (int i = 0; i < this.events; i++) {
				SyntheticEvents.Event event = generator.next();
				unique += event.duplicate() ? 0 : 1;
				producer.send(new ProducerRecord<>(Topics.INTERACTIONS, event.key(), event.json()));
			}
		}
		return unique;
	}

	private String train(Platform platform, String admin, PrintWriter out) throws Exception {
		JsonNode run = this.json.send(HttpRequest.newBuilder(URI.create(platform.trainerUrl() + "/v1/training-runs"))
			.header(KEY_HEADER, admin)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build());
		String id = run.get("id").asString();
		out.println("training the first model (run " + id + ")...");
		out.flush();
		int printed = 0;
		while (true) {
			TimeUnit.MILLISECONDS.sleep(500);
			JsonNode now = this.json
				.send(HttpRequest.newBuilder(URI.create(platform.trainerUrl() + "/v1/training-runs/" + id))
					.header(KEY_HEADER, admin)
					.build());
			JsonNode epochs = now.get("epochs");
			for (; printed < epochs.size(); printed++) {
				JsonNode epoch = epochs.get(printed);
				JsonNode valid = epoch.get("valid");
				out.printf(Locale.ROOT, "  epoch %d: train loss %.2f, %.1f s, valid ndcg@10 %s%n",
						epoch.get("epoch").asInt(), epoch.get("trainLoss").asDouble(),
						epoch.get("trainSeconds").asDouble(), (valid != null) ? valid.get("ndcg@10").asString() : "-");
				out.flush();
			}
			String status = now.get("status").asString();
			if (List.of("SUCCEEDED", "REFUSED", "FAILED", "CANCELLED").contains(status)) {
				if ("REFUSED".equals(status)) {
					// a store with an earlier, better model (--store): that one stays
					// live
					JsonNode model = this.json
						.send(HttpRequest.newBuilder(URI.create(platform.trainerUrl() + "/v1/models/sasrec"))
							.header(KEY_HEADER, admin)
							.build());
					out.printf(Locale.ROOT, "the new model was not published (%s); version %s stays live%n",
							now.get("gate").asString(), model.get("live").asString());
					out.flush();
					return model.get("live").asString();
				}
				if (!"SUCCEEDED".equals(status)) {
					throw new IllegalStateException("the first training run ended " + status + ": " + now.get("error"));
				}
				out.printf(Locale.ROOT, "model version %s is live (test %s)%n", now.get("version").asString(),
						now.get("test"));
				out.flush();
				return now.get("version").asString();
			}
		}
	}

	private JsonNode awaitModel(Platform platform, String key, String user, String version) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (System.nanoTime() < deadline) {
			try {
				JsonNode body = this.json.send(recommendations(platform, key, user));
				if (version.equals(body.path("version").asString(""))) {
					return body;
				}
			}
			catch (IllegalStateException ex) {
				// not ready yet (503 until the first model is loaded)
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		throw new IllegalStateException("the ranker did not serve version " + version + " within 2 minutes");
	}

	private static HttpRequest recommendations(Platform platform, String key, String user) {
		return HttpRequest.newBuilder(URI.create(platform.rankerUrl() + "/v1/users/" + user + "/recommendations?k=5"))
			.header(KEY_HEADER, key)
			.build();
	}

	private void printGuide(Platform platform, String key, String admin, String user, JsonNode first, PrintWriter out)
			throws Exception {
		String ranker = platform.rankerUrl();
		out.println();
		out.println("seqrec is running.");
		out.println("  ranker:   " + ranker);
		out.println("  OpenAPI:  " + ranker + "/swagger-ui.html  (JSON: " + ranker + "/v3/api-docs)");
		out.println("  trainer:  " + platform.trainerUrl() + "/v1/models  (admin key: " + admin + ")");
		out.println(
				"  Kafka:    " + platform.bootstrapServers() + " (send events to topic " + Topics.INTERACTIONS + ")");
		out.println("  Redis:    " + platform.redisUrl());
		out.println("  API key:  " + key);
		out.println();
		out.println("$ curl -H 'X-API-Key: " + key + "' '" + ranker + "/v1/users/" + user + "/recommendations?k=5'");
		out.println(first);
		JsonNode items = first.get("items");
		String session = (items != null && items.size() > 1) ? "[\"" + items.get(0).get("itemId").asString() + "\",\""
				+ items.get(1).get("itemId").asString() + "\"]" : "[]";
		String body = "{\"items\":" + session + ",\"k\":3}";
		out.println("$ curl -H 'X-API-Key: " + key + "' -H 'Content-Type: application/json' -d '" + body + "' " + ranker
				+ "/v1/recommendations");
		out.println(this.json.send(HttpRequest.newBuilder(URI.create(ranker + "/v1/recommendations"))
			.header(KEY_HEADER, key)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build()));
		out.println("$ curl -H 'X-API-Key: " + admin + "' -X POST " + platform.trainerUrl()
				+ "/v1/training-runs   # retrain now");
		out.println("$ curl -H 'X-API-Key: " + key + "' '" + ranker + "/v1/users/someone-new/recommendations?k=3'");
		out.println(
				this.json.send(HttpRequest.newBuilder(URI.create(ranker + "/v1/users/someone-new/recommendations?k=3"))
					.header(KEY_HEADER, key)
					.build()));
		out.println();
		out.flush();
	}

}
