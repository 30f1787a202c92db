package io.seqrec.launcher.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.contract.Topics;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.EmbeddedKafka;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.model.ModelNames;
import io.seqrec.ranker.RankerApplication;
import io.seqrec.ranker.model.ModelHolder;
import io.seqrec.ranker.model.ModelLease;
import io.seqrec.ranker.model.Scorer;

/**
 * {@code seqrec bench ranker}: the ranker with a model ({@code --model}, SASRec by
 * default; default hyper-parameters, untrained weights) over a catalog of 10,000 items,
 * and 10,000 users' sequences in an embedded Redis written in the contract's layout; the
 * ranker runs in this process. First the model's own limit: the ranker's scorer called
 * from this process with the same users' sequences prepared in memory (no HTTP, Redis or
 * JSON), measured before and again after the closed loop. Then a load generator in a
 * separate JVM sends {@code GET /v1/users/{random user}/recommendations} over keep-alive
 * loopback connections at a fixed concurrency: requests per second and latency
 * percentiles after a warm-up, and their ratio to the model's limit
 * ({@code ranker_efficiency}). With {@code --floor}, the same loads then go to a
 * {@link FloorServer}, which does the ranker's Redis read and nothing else.
 */
@Command(name = "ranker", mixinStandardHelpOptions = true,
		description = "Measure the ranker's throughput and latency under a separate load-generator process.")
final class RankerBenchmark implements Callable<Integer> {

	private static final String API_KEY = "bench-key";

	/** The open-loop rates, in percent of the closed loop's maximum throughput. */
	private static final int[] OPEN_LOADS = { 25, 50, 75 };

	/** The name the benchmark model is stored and served under. */
	private static final String STORE_NAME = "bench";

	@Option(names = "--model", completionCandidates = ModelNames.class,
			description = "The model served: one of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
	String model = "SASRec";

	@Option(names = "--users", description = "Users with sequences in Redis (default: ${DEFAULT-VALUE}).")
	int users = 10_000;

	@Option(names = "--items", description = "Catalog size (default: ${DEFAULT-VALUE}).")
	int items = 10_000;

	@Option(names = "--events", description = "Events per user (default: ${DEFAULT-VALUE}).")
	int events = 60;

	@Option(names = "--concurrency", description = "Load-generator connections (default: ${DEFAULT-VALUE}).")
	int concurrency = 32;

	@Option(names = "--warmup", description = "Warm-up seconds (default: ${DEFAULT-VALUE}).")
	double warmup = 40;

	@Option(names = "--duration", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
	double duration = 20;

	@Option(names = "--model-only-warmup",
			description = "Warm-up seconds of the model-only phase (default: ${DEFAULT-VALUE}).")
	double modelOnlyWarmup = 10;

	@Option(names = "--model-only-duration",
			description = "Measured seconds of the model-only phase (default: ${DEFAULT-VALUE}).")
	double modelOnlyDuration = 10;

	@Option(names = "--open-connections",
			description = "Connections of the open-loop (constant-rate) runs (default: ${DEFAULT-VALUE}).")
	int openConnections = 64;

	@Option(names = "--open-warmup", description = "Warm-up seconds of each open-loop run (default: ${DEFAULT-VALUE}).")
	double openWarmup = 3;

	@Option(names = "--open-duration",
			description = "Measured seconds of each open-loop run (default: ${DEFAULT-VALUE}).")
	double openDuration = 10;

	@Option(names = "--floor", description = "Then the same loads against a minimal HTTP server that does the "
			+ "ranker's Redis read and no more, to see what the serving path costs above it.")
	boolean floor;

	@Option(names = "--mode", description = "Scoring: batch (micro-batching) or pool (default: ${DEFAULT-VALUE}).")
	String mode = "batch";

	@Option(names = "--workers", description = "Batching threads or pool size (default: ${DEFAULT-VALUE}).")
	int workers = 2;

	@Option(names = "--max-batch-size", description = "Most sequences per forward pass (default: ${DEFAULT-VALUE}).")
	int maxBatchSize = 64;

	@Option(names = "--max-wait", description = "Batch wait, e.g. 0ms, 500us (default: ${DEFAULT-VALUE}).")
	String maxWait = "0ms";

	@Option(names = "--intra-op-threads",
			description = "PyTorch intra-op threads; 0 = PyTorch's default (default: ${DEFAULT-VALUE}).")
	int intraOpThreads = 1;

	@Option(names = "--set", description = "Further ranker settings, key=value (repeatable).")
	List<String> settings = new ArrayList<>();

	@Option(names = "--model-config",
			description = "Hyper-parameters other than the model's defaults, key=value (repeatable; for diagnosis).")
	Map<String, String> modelConfig = new LinkedHashMap<>();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.intraOpThreads > 0) {
			// read when the PyTorch engine starts, which happens below in this process
			System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(this.intraOpThreads));
		}
		out.printf(Locale.ROOT,
				"bench ranker: %s, %,d items, %,d users x %d events, %d connections, %.0f s warm-up + %.0f s, "
						+ "scoring %s (workers %d, max batch %d, wait %s), intra-op threads %s, %d cores%n",
				this.model, this.items, this.users, this.events, this.concurrency, this.warmup, this.duration,
				this.mode, this.workers, this.maxBatchSize, this.maxWait,
				(this.intraOpThreads > 0) ? Integer.toString(this.intraOpThreads) : "default",
				Runtime.getRuntime().availableProcessors());
		out.flush();
		Path storeDir = Files.createTempDirectory("seqrec-bench-ranker");
		Map<String, String> load;
		Map<Integer, Map<String, String>> open;
		Map<String, Double> server;
		FloorFigures floorFigures = null;
		double modelOnly;
		double allocatedPerRequest;
		int sequenceLength;
		try (EmbeddedRedis redis = EmbeddedRedis.start(0);
				EmbeddedKafka kafka = EmbeddedKafka.start(0, 1, Topics.MODEL_UPDATES)) {
			int[][] itemNumbers = itemNumbers();
			writeSequences(redis.url(), out);
			publishModel(storeDir, out);
			int port = EmbeddedRedis.freePort();
			List<String> args = new ArrayList<>(List.of("server.port=" + port, "spring.data.redis.url=" + redis.url(),
					"spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "seqrec.ranker.store=" + storeDir,
					"seqrec.ranker.model-name=" + STORE_NAME, "seqrec.ranker.api-keys=" + API_KEY,
					"seqrec.ranker.scoring.mode=" + this.mode, "seqrec.ranker.scoring.workers=" + this.workers,
					"seqrec.ranker.scoring.max-batch-size=" + this.maxBatchSize,
					"seqrec.ranker.scoring.max-wait=" + this.maxWait));
			args.addAll(this.settings);
			ConfigurableApplicationContext ranker = BootApps.run(RankerApplication.class, RankerApplication.CONFIG_NAME,
					true, args.toArray(String[]::new));
			try {
				RankerFixtures.awaitReady(port);
				sequenceLength = sequenceLength(ranker.getBean(ModelHolder.class));
				double before = runModelOnly(ranker, itemNumbers, out, this.modelOnlyWarmup);
				out.printf(Locale.ROOT, "closed loop: %d connections, %.0f s warm-up, %.0f s measured%n",
						this.concurrency, this.warmup, this.duration);
				MeterRegistry meters = ranker.getBean(MeterRegistry.class);
				double allocatedBefore = allocatedBytes(meters);
				load = runLoad(port, out, this.concurrency, this.warmup, this.duration, 0);
				allocatedPerRequest = (allocatedBytes(meters) - allocatedBefore)
						/ Long.parseLong(load.get("all_requests"));
				out.printf(Locale.ROOT, "closed loop (warm-up included): %,.1f KB allocated per request in this JVM "
						+ "(the ranker; the embedded broker idles)%n", allocatedPerRequest / 1024);
				// again right after the closed loop (already warm): on a machine
				// whose load drifts, the mean of the two brackets the HTTP figure
				double after = runModelOnly(ranker, itemNumbers, out, Math.min(2, this.modelOnlyWarmup));
				modelOnly = (before + after) / 2;
				out.printf(Locale.ROOT,
						"model only: %,.0f sequences/s before the closed loop, %,.0f after, mean %,.0f%n", before,
						after, modelOnly);
				open = openLoops(port, out, perSecond(load), "");
				server = serverFigures(meters);
			}
			finally {
				ranker.close();
			}
			if (this.floor) {
				floorFigures = runFloor(redis.url(), sequenceLength, out, perSecond(load));
			}
		}
		finally {
			deleteTree(storeDir);
		}
		if (floorFigures != null) {
			reportFloor(out, floorFigures);
		}
		report(out, load, open, server, modelOnly, allocatedPerRequest);
		return 0;
	}

	/** Per user, the item numbers of its events, oldest first. */
	private int[][] itemNumbers() {
		SplittableRandom random = new SplittableRandom(42);
		int[][] items = new int[this.users][this.events];
		for (int[] user : items) {
			for (int t = 0; t < user.length; t++) {
				user[t] = random.nextInt(this.items);
			}
		}
		return items;
	}

	private void writeSequences(String redisUrl, PrintWriter out) throws Exception {
		long start = System.nanoTime();
		// the same draws as itemNumbers(): the model-only phase scores the users' own
		// sequences
		RankerFixtures.writeSequences(redisUrl, "user-", this.users, this.events, this.items, 42);
		out.printf(Locale.ROOT, "wrote %,d users' sequences (%,d events) to Redis in %.1f s%n", this.users,
				(long) this.users * this.events, (System.nanoTime() - start) / 1e9);
		out.flush();
	}

	private void publishModel(Path storeDir, PrintWriter out) {
		long start = System.nanoTime();
		FileSystemModelStore store = new FileSystemModelStore(storeDir);
		RankerFixtures.Staged staged = RankerFixtures.stage(store, STORE_NAME, this.model, this.items,
				this.modelConfig);
		RankerFixtures.publish(store, STORE_NAME, "bench-1", staged.directory());
		out.printf(Locale.ROOT, "published an untrained %s in %.1f s%n", staged.summary(),
				(System.nanoTime() - start) / 1e9);
		out.flush();
	}

	private double runModelOnly(ConfigurableApplicationContext ranker, int[][] itemNumbers, PrintWriter out,
			double warmupSeconds) throws InterruptedException {
		ModelHolder holder = ranker.getBean(ModelHolder.class);
		ModelOnlyLoad load = new ModelOnlyLoad(holder, ranker.getBean(Scorer.class),
				ModelOnlyLoad.sequences(holder, itemNumbers));
		out.printf(Locale.ROOT, "model only: %d threads call the ranker's scorer with sequences prepared in memory, "
				+ "%.0f s warm-up, %.0f s measured%n", this.concurrency, warmupSeconds, this.modelOnlyDuration);
		out.flush();
		double perSecond = load.sequencesPerSecond(this.concurrency, warmupSeconds, this.modelOnlyDuration);
		out.printf(Locale.ROOT, "model only: %,.0f sequences/s%n", perSecond);
		out.flush();
		return perSecond;
	}

	/** The events the live model reads per user, as the ranker asks Redis for them. */
	private static int sequenceLength(ModelHolder holder) {
		try (ModelLease lease = holder.lease()
			.orElseThrow(() -> new IllegalStateException("the ranker has no live model"))) {
			return lease.model().maxSequenceLength();
		}
	}

	/**
	 * The open loops, at {@link #OPEN_LOADS} percent of a maximum.
	 * @param label what the progress lines start with
	 */
	private Map<Integer, Map<String, String>> openLoops(int port, PrintWriter out, double maximum, String label)
			throws Exception {
		Map<Integer, Map<String, String>> open = new LinkedHashMap<>();
		for (int percent : OPEN_LOADS) {
			double rate = maximum * percent / 100;
			out.printf(Locale.ROOT,
					"%sopen loop at %d%% of the maximum: %,.0f requests/s on a fixed timetable, "
							+ "%d connections, %.0f s warm-up, %.0f s measured%n",
					label, percent, rate, this.openConnections, this.openWarmup, this.openDuration);
			open.put(percent, runLoad(port, out, this.openConnections, this.openWarmup, this.openDuration, rate));
		}
		return open;
	}

	/**
	 * The same closed loop, and open loops at the same rates as the ranker's, against a
	 * {@link FloorServer} on the same Redis (the ranker is closed by then).
	 * @param rankerMaximum the ranker's closed-loop requests per second
	 */
	private FloorFigures runFloor(String redisUrl, int sequenceLength, PrintWriter out, double rankerMaximum)
			throws Exception {
		try (FloorServer floorServer = FloorServer.start(redisUrl, sequenceLength)) {
			out.printf(Locale.ROOT,
					"floor: a minimal HTTP server with the ranker's Redis read; closed loop: "
							+ "%d connections, %.0f s warm-up, %.0f s measured%n",
					this.concurrency, this.warmup, this.duration);
			Map<String, String> load = runLoad(floorServer.port(), out, this.concurrency, this.warmup, this.duration,
					0);
			return new FloorFigures(load,
					openLoops(floorServer.port(), out, rankerMaximum, "floor, at the ranker's rates: "));
		}
	}

	/**
	 * Runs the load generator in its own process.
	 * @param rate requests per second on a fixed timetable; 0 for a closed loop
	 */
	private Map<String, String> runLoad(int port, PrintWriter out, int connections, double warmupSeconds,
			double seconds, double rate) throws Exception {
		Path results = Files.createTempFile("seqrec-bench-load", ".txt");
		try {
			List<String> args = new ArrayList<>(List.of("127.0.0.1", Integer.toString(port), API_KEY,
					Integer.toString(this.users), Integer.toString(connections), Double.toString(warmupSeconds),
					Double.toString(seconds), results.toString()));
			if (rate > 0) {
				args.add(Double.toString(rate));
			}
			List<String> command = ChildJvm.command(LoadGenerator.class, List.of("-Xmx256m", "-XX:+UseSerialGC"), args);
			out.flush();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor((long) (warmupSeconds + seconds) + 120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("the load generator did not finish");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("the load generator failed with exit code " + process.exitValue());
			}
			Map<String, String> figures = new LinkedHashMap<>();
			for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				figures.merge(line.substring(0, eq), line.substring(eq + 1), (a, b) -> a + "; " + b);
			}
			out.println(describe(figures));
			out.flush();
			return figures;
		}
		finally {
			Files.deleteIfExists(results);
		}
	}

	private static Map<String, Double> serverFigures(MeterRegistry meters) {
		Map<String, Double> figures = new LinkedHashMap<>();
		DistributionSummary batches = meters.find("seqrec.ranker.scoring.batch.size").summary();
		if (batches != null) {
			figures.put("forward_passes", (double) batches.count());
			figures.put("mean_batch", batches.mean());
			figures.put("max_batch", batches.max());
		}
		return figures;
	}

	/**
	 * Bytes this JVM (the ranker's; the embedded broker idles) has allocated on its heap,
	 * as counted at each collection (Micrometer's {@code jvm.gc.memory.allocated}); over
	 * a phase with many collections the count is off by at most one young generation.
	 */
	private static double allocatedBytes(MeterRegistry meters) {
		Counter allocated = meters.find("jvm.gc.memory.allocated").counter();
		if (allocated == null) {
			throw new IllegalStateException("the ranker registers no jvm.gc.memory.allocated meter");
		}
		return allocated.count();
	}

	private static String describe(Map<String, String> load) {
		StringBuilder line = new StringBuilder();
		if (load.containsKey("failure")) {
			line.append(String.format(Locale.ROOT, "load-generator failures: %s%n", load.get("failure")));
		}
		long requests = Long.parseLong(load.get("requests"));
		double seconds = Double.parseDouble(load.get("seconds"));
		line.append(String.format(Locale.ROOT,
				"%,d requests in %.1f s (%,.0f/s), %s errors; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
						+ "p99.9 %.2f ms, max %.2f ms",
				requests, seconds, requests / seconds, load.get("errors"), millis(load, "p50_us"),
				millis(load, "p90_us"), millis(load, "p99_us"), millis(load, "p999_us"), millis(load, "max_us")));
		return line.toString();
	}

	/** Requests per second of the measured period of one load-generator run. */
	private static double perSecond(Map<String, String> load) {
		return Long.parseLong(load.get("requests")) / Double.parseDouble(load.get("seconds"));
	}

	private static double millis(Map<String, String> load, String micros) {
		return Long.parseLong(load.get(micros)) / 1000.0;
	}

	private static void reportFloor(PrintWriter out, FloorFigures floor) {
		out.printf(Locale.ROOT, "floor_requests_per_second=%d%n", Math.round(perSecond(floor.closed())));
		floor.open()
			.forEach((percent, figures) -> out.printf(Locale.ROOT, "floor_p99_ms_at_%dpct=%.2f%n", percent,
					millis(figures, "p99_us")));
	}

	private void report(PrintWriter out, Map<String, String> load, Map<Integer, Map<String, String>> open,
			Map<String, Double> server, double modelOnly, double allocatedPerRequest) {
		double perSecond = perSecond(load);
		if (server.containsKey("mean_batch")) {
			out.printf(Locale.ROOT,
					"server, both phases: %,.0f forward passes, %.1f sequences per pass on average (max %.0f)%n",
					server.get("forward_passes"), server.get("mean_batch"), server.get("max_batch"));
		}
		out.printf(Locale.ROOT, "%-10s %12s %10s %10s %10s %8s%n", "load", "requests/s", "p50 ms", "p99 ms", "p99.9 ms",
				"errors");
		open.forEach((percent, figures) -> out.printf(Locale.ROOT, "%-10s %12.0f %10.2f %10.2f %10.2f %8s%n",
				percent + "%", perSecond(figures), millis(figures, "p50_us"), millis(figures, "p99_us"),
				millis(figures, "p999_us"), figures.get("errors")));
		out.printf(Locale.ROOT, "%-10s %12.0f %10.2f %10.2f %10.2f %8s%n", "closed", perSecond, millis(load, "p50_us"),
				millis(load, "p99_us"), millis(load, "p999_us"), load.get("errors"));
		out.printf(Locale.ROOT, "ranker_allocated_kb_per_request=%.1f%n", allocatedPerRequest / 1024);
		out.printf(Locale.ROOT, "ranker_p50_ms=%.2f%n", millis(load, "p50_us"));
		out.printf(Locale.ROOT, "ranker_p99_ms=%.2f%n", millis(load, "p99_us"));
		out.printf(Locale.ROOT, "ranker_model_only_per_second=%d%n", Math.round(modelOnly));
		out.printf(Locale.ROOT, "ranker_requests_per_second=%d%n", Math.round(perSecond));
		out.printf(Locale.ROOT, "ranker_efficiency=%.2f%n", perSecond / modelOnly);
		open.forEach((percent, figures) -> out.printf(Locale.ROOT, "ranker_p99_ms_at_%dpct=%.2f%n", percent,
				millis(figures, "p99_us")));
		out.flush();
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	/**
	 * What the load generator measured against the floor.
	 *
	 * @param closed the closed loop
	 * @param open the open loops, by percent of the ranker's maximum
	 */
	private record FloorFigures(Map<String, String> closed, Map<Integer, Map<String, String>> open) {
	}

}
