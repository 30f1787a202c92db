package io.seqrec.launcher.bench.faults;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.launcher.bench.RankerFixtures;
import io.seqrec.ranker.RankerApplication;
import io.seqrec.trainer.TrainerApplication;

/**
 * Scenario 5: generated requests against every operation of the ranker (from the OpenAPI
 * document it serves) and of the trainer (from a document written here, since the trainer
 * serves none), plus the actuator endpoints of both. Responses are counted by status
 * class; a 5xx, an error that is not a problem document, and a 2xx without a valid key
 * are defects. Both services must be healthy afterwards.
 */
final class ApiFuzzing {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RANKER_KEY = "faults-ranker-key";

	private static final String ADMIN_KEY = "faults-admin-key";

	private static final String TRAINER_API = """
			{"paths": {
			  "/v1/training-runs": {"post": {}, "get": {}},
			  "/v1/training-runs/{id}": {"get": {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}]}},
			  "/v1/training-runs/{id}/cancel": {"post": {"parameters": [{"name": "id", "in": "path", "schema": {"type": "string"}}]}},
			  "/v1/models": {"get": {}},
			  "/v1/models/{name}": {"get": {"parameters": [{"name": "name", "in": "path", "schema": {"type": "string"}}]}},
			  "/v1/models/{name}/live": {"post": {
			    "parameters": [{"name": "name", "in": "path", "schema": {"type": "string"}}],
			    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/LiveRequest"}}}}}}},
			 "components": {"schemas": {"LiveRequest": {"type": "object",
			   "properties": {"version": {"type": "string"}, "followLatest": {"type": "boolean"}}}}}}
			""";

	private static final List<String> ACTUATOR = List.of("/actuator/health", "/actuator/health/liveness",
			"/actuator/health/readiness", "/actuator/info", "/actuator/prometheus");

	private final FaultsBenchmark.Options options;

	private final PrintWriter out;

	ApiFuzzing(FaultsBenchmark.Options options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	/**
	 * Counts of one service's answers: by status class (1xx to 5xx, then no answer),
	 * errors that are not problem documents, 2xx without a valid key, and a few examples
	 * of each.
	 */
	private static final class Tally {

		private final AtomicLongArray classes = new AtomicLongArray(6);

		private final AtomicLong notProblems = new AtomicLong();

		private final AtomicLong unauthenticated2xx = new AtomicLong();

		private final Map<String, String> examples = new LinkedHashMap<>();

		void example(String what, RequestFuzzer.Request request, String answer) {
			synchronized (this.examples) {
				String target = (request.target().length() > 100) ? request.target().substring(0, 100) + "..."
						: request.target();
				String key = what + " " + request.method() + " " + target;
				if (this.examples.size() < 12) {
					this.examples.putIfAbsent(key, request.kind() + " -> " + answer);
				}
			}
		}

	}

	Outcome run() throws Exception {
		long total = this.options.fuzzRequests();
		say("5. fuzzing the HTTP API: %,d generated requests against the ranker and the trainer", total);
		String users = this.options.runId() + "-fuzz-user-";
		Path rankerStore = Files.createTempDirectory(this.options.workDirectory(), "ranker-store");
		Path trainerStore = Files.createTempDirectory(this.options.workDirectory(), "trainer-store");
		int items = 2_000;
		try (Infrastructure servers = Infrastructure.start(this.options, this.out)) {
			RankerFixtures.writeSequences(servers.redisUrl(), users, 1_000, 10, items, this.options.seed());
			FileSystemModelStore store = new FileSystemModelStore(rankerStore);
			RankerFixtures.publish(store, "sasrec", "fuzz-1",
					RankerFixtures.stage(store, "sasrec", "SASRec", items, Map.of()).directory());
			int rankerPort = EmbeddedRedis.freePort();
			int trainerPort = EmbeddedRedis.freePort();
			String kafka = "spring.kafka.bootstrap-servers=" + servers.bootstrapServers();
			String redis = "spring.data.redis.url=" + servers.redisUrl();
			ConfigurableApplicationContext ranker = BootApps.run(RankerApplication.class, RankerApplication.CONFIG_NAME,
					true, "server.port=" + rankerPort, kafka, redis, "seqrec.ranker.store=" + rankerStore,
					"seqrec.ranker.api-keys=" + RANKER_KEY);
			// runs started by the fuzzer fail at once (too few users) and are not logged
			ConfigurableApplicationContext trainer = BootApps.run(TrainerApplication.class,
					TrainerApplication.CONFIG_NAME, true, "server.port=" + trainerPort, kafka, redis,
					"seqrec.trainer.store=" + trainerStore, "seqrec.trainer.api-keys=" + ADMIN_KEY,
					"seqrec.trainer.min-users=1000000000", "logging.level.io.seqrec.trainer.run=error");
			try {
				RankerFixtures.awaitReady(rankerPort);
				RankerFixtures.awaitReady(trainerPort);
				RequestFuzzer.Service rankerService = new RequestFuzzer.Service(
						"ranker", rankerPort, RANKER_KEY, List.of("/actuator/health", "/actuator/info",
								"/actuator/prometheus", "/v3/api-docs", "/swagger-ui"),
						withActuator(JSON.readTree(get(rankerPort, "/v3/api-docs"))));
				RequestFuzzer.Service trainerService = new RequestFuzzer.Service("trainer", trainerPort, ADMIN_KEY,
						List.of("/actuator/health", "/actuator/info", "/actuator/prometheus"),
						withActuator(JSON.readTree(TRAINER_API)));
				List<String> userIds = new ArrayList<>();
				for (int u = 0; u < 1_000; u++) {
					userIds.add(users + u);
				}
				List<String> itemIds = new ArrayList<>();
				for (int i = 0; i < items; i++) {
					itemIds.add("item-" + i);
				}
				RequestFuzzer fuzzer = new RequestFuzzer(List.of(rankerService, trainerService), userIds, itemIds);
				say("  operations from the OpenAPI documents: %s", String.join(", ", fuzzer.describe()));
				Map<String, Tally> tallies = Map.of("ranker", new Tally(), "trainer", new Tally());
				Map<RequestFuzzer.Kind, AtomicLong> kinds = new EnumMap<>(RequestFuzzer.Kind.class);
				for (RequestFuzzer.Kind kind : RequestFuzzer.Kind.values()) {
					kinds.put(kind, new AtomicLong());
				}
				long start = System.nanoTime();
				send(fuzzer, total, tallies, kinds);
				double seconds = (System.nanoTime() - start) / 1e9;
				boolean healthy = healthy(rankerPort, "/v1/users/" + userIds.get(0) + "/recommendations", RANKER_KEY)
						&& healthy(trainerPort, "/v1/models", ADMIN_KEY);
				return report(tallies, kinds, total, seconds, healthy);
			}
			finally {
				trainer.close();
				ranker.close();
			}
		}
		finally {
			for (Path dir : List.of(rankerStore, trainerStore)) {
				try (Stream<Path> files = Files.walk(dir)) {
					files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
				}
			}
		}
	}

	private static JsonNode withActuator(JsonNode api) {
		ObjectNode paths = (ObjectNode) api.get("paths");
		for (String path : ACTUATOR) {
			paths.set(path, JSON.readTree("{\"get\": {}}"));
		}
		return api;
	}

	private void send(RequestFuzzer fuzzer, long total, Map<String, Tally> tallies,
			Map<RequestFuzzer.Kind, AtomicLong> kinds) throws InterruptedException {
		AtomicLong next = new AtomicLong();
		List<Thread> workers = new ArrayList<>();
		for (int w = 0; w < this.options.fuzzConnections(); w++) {
			SplittableRandom random = new SplittableRandom(this.options.seed() * 31 + w);
			Thread worker = new Thread(() -> {
				Map<String, RawConnection> connections = new LinkedHashMap<>();
				try {
					while (next.getAndIncrement() < total) {
						RequestFuzzer.Request request = fuzzer.next(random);
						kinds.get(request.kind()).incrementAndGet();
						RawConnection connection = connections.computeIfAbsent(request.service().name(),
								(name) -> new RawConnection("127.0.0.1", request.service().port()));
						count(request, connection, tallies.get(request.service().name()));
					}
				}
				finally {
					connections.values().forEach(RawConnection::close);
				}
			}, "faults-fuzz-" + w);
			workers.add(worker);
			worker.start();
		}
		long reported = System.nanoTime();
		for (Thread worker : workers) {
			while (worker.isAlive()) {
				worker.join(1_000);
				if (System.nanoTime() - reported > 10_000_000_000L) {
					reported = System.nanoTime();
					say("  %,d requests sent", Math.min(next.get(), total));
				}
			}
		}
	}

	private static void count(RequestFuzzer.Request request, RawConnection connection, Tally tally) {
		RawConnection.Response response;
		try {
			response = connection.exchange(request.bytes(), request.head());
		}
		catch (IOException | RuntimeException ex) {
			tally.classes.incrementAndGet(5);
			tally.example("no answer", request, ex.getClass().getSimpleName() + ": " + ex.getMessage());
			return;
		}
		int status = response.status();
		tally.classes.incrementAndGet(Math.min(4, Math.max(0, status / 100 - 1)));
		if (status >= 500) {
			tally.example("5xx", request, Integer.toString(status));
		}
		if (status >= 400 && !response.isProblem()) {
			tally.notProblems.incrementAndGet();
			tally.example("not a problem document", request, status + " " + response.contentType());
		}
		if (status >= 200 && status < 300 && !request.validKey() && !request.service().isOpen(request.path())) {
			tally.unauthenticated2xx.incrementAndGet();
			tally.example("2xx without a key", request, Integer.toString(status));
		}
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static boolean healthy(int port, String apiPath, String key) {
		try {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> api = http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + apiPath))
					.header("X-API-Key", key)
					.build(), HttpResponse.BodyHandlers.ofString());
			return health.statusCode() == 200 && health.body().contains("\"UP\"") && api.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private Outcome report(Map<String, Tally> tallies, Map<RequestFuzzer.Kind, AtomicLong> kinds, long total,
			double seconds, boolean healthy) {
		StringBuilder mix = new StringBuilder();
		kinds.forEach((kind, count) -> mix.append((mix.length() > 0) ? ", " : "")
			.append(kind.name().toLowerCase(Locale.ROOT))
			.append(' ')
			.append(count.get()));
		say("  %,d requests in %.1f s (%,.0f/s): %s", total, seconds, total / seconds, mix);
		long serverErrors = 0;
		long noAnswer = 0;
		long unauthenticated = 0;
		long notProblems = 0;
		for (String name : List.of("ranker", "trainer")) {
			Tally tally = tallies.get(name);
			say("  %-7s 2xx %,d, 3xx %,d, 4xx %,d, 5xx %,d, no answer %,d; errors not as problem documents %,d; "
					+ "2xx without a valid key %,d", name, tally.classes.get(1), tally.classes.get(2),
					tally.classes.get(3), tally.classes.get(4), tally.classes.get(5), tally.notProblems.get(),
					tally.unauthenticated2xx.get());
			tally.examples.forEach((what, answer) -> say("    %s -> %s", what, answer));
			serverErrors += tally.classes.get(4);
			noAnswer += tally.classes.get(5);
			unauthenticated += tally.unauthenticated2xx.get();
			notProblems += tally.notProblems.get();
		}
		say("  afterwards: %s", healthy ? "both services healthy and answering" : "NOT HEALTHY");
		return new Outcome("fuzzing the API", String.format(Locale.ROOT, "%,d requests", total), "garbage of 11 kinds",
				0, 0, 0, noAnswer + (healthy ? 0 : 1), serverErrors, unauthenticated,
				(healthy ? "healthy after" : "NOT healthy after")
						+ ((notProblems > 0) ? "; " + notProblems + " non-problem errors" : ""),
				null);
	}

	private void say(String format, Object... args) {
		synchronized (this.out) {
			this.out.printf(Locale.ROOT, format + "%n", args);
			this.out.flush();
		}
	}

}
