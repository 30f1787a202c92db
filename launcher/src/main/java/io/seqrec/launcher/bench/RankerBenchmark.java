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
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.contract.Topics;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.EmbeddedKafka;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.model.ModelNames;
import io.seqrec.ranker.RankerApplication;

/**
 * {@code seqrec bench ranker}: the ranker with a model ({@code --model}, SASRec by
 * default; default hyper-parameters, untrained weights) over a catalog of 10,000 items,
 * and 10,000 users' sequences in an embedded Redis written in the contract's layout; the
 * ranker runs in this process, and a load generator in a separate JVM sends {@code GET
 * /v1/users/{random user}/recommendations} over keep-alive loopback connections at a
 * fixed concurrency: requests per second and latency percentiles after a warm-up.
 */
@Command(name = "ranker", mixinStandardHelpOptions = true,
		description = "Measure the ranker's throughput and latency under a separate load-generator process.")
final class RankerBenchmark implements Callable<Integer> {

	private static final String API_KEY = "bench-key";

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
		Map<String, Double> server;
		try (EmbeddedRedis redis = EmbeddedRedis.start(0);
				EmbeddedKafka kafka = EmbeddedKafka.start(0, 1, Topics.MODEL_UPDATES)) {
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
				load = runLoad(port, out);
				server = serverFigures(ranker.getBean(MeterRegistry.class));
			}
			finally {
				ranker.close();
			}
		}
		finally {
			deleteTree(storeDir);
		}
		report(out, load, server);
		return 0;
	}

	private void writeSequences(String redisUrl, PrintWriter out) throws Exception {
		long start = System.nanoTime();
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

	private Map<String, String> runLoad(int port, PrintWriter out) throws Exception {
		Path results = Files.createTempFile("seqrec-bench-load", ".txt");
		try {
			List<String> command = ChildJvm.command(LoadGenerator.class, List.of("-Xmx256m", "-XX:+UseSerialGC"),
					List.of("127.0.0.1", Integer.toString(port), API_KEY, Integer.toString(this.users),
							Integer.toString(this.concurrency), Double.toString(this.warmup),
							Double.toString(this.duration), results.toString()));
			out.printf(Locale.ROOT, "load: %d connections from a separate process, %.0f s warm-up, %.0f s measured%n",
					this.concurrency, this.warmup, this.duration);
			out.flush();
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!process.waitFor((long) (this.warmup + this.duration) + 120, TimeUnit.SECONDS)) {
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

	private void report(PrintWriter out, Map<String, String> load, Map<String, Double> server) {
		long requests = Long.parseLong(load.get("requests"));
		double seconds = Double.parseDouble(load.get("seconds"));
		double p50 = Long.parseLong(load.get("p50_us")) / 1000.0;
		double p99 = Long.parseLong(load.get("p99_us")) / 1000.0;
		if (load.containsKey("failure")) {
			out.printf(Locale.ROOT, "load-generator failures: %s%n", load.get("failure"));
		}
		out.printf(Locale.ROOT,
				"%,d requests in %.1f s, %s errors; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
						+ "p99.9 %.2f ms, max %.2f ms%n",
				requests, seconds, load.get("errors"), p50, Long.parseLong(load.get("p90_us")) / 1000.0, p99,
				Long.parseLong(load.get("p999_us")) / 1000.0, Long.parseLong(load.get("max_us")) / 1000.0);
		if (server.containsKey("mean_batch")) {
			out.printf(Locale.ROOT, "server: %,.0f forward passes, %.1f sequences per pass on average (max %.0f)%n",
					server.get("forward_passes"), server.get("mean_batch"), server.get("max_batch"));
		}
		out.printf(Locale.ROOT, "ranker_requests_per_second=%d%n", Math.round(requests / seconds));
		out.printf(Locale.ROOT, "ranker_p50_ms=%.2f%n", p50);
		out.printf(Locale.ROOT, "ranker_p99_ms=%.2f%n", p99);
		out.flush();
	}

	private static void deleteTree(Path dir) throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
