package io.seqrec.launcher.bench.faults;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seqrec bench faults}: six fault scenarios, each with its own figures, then a
 * summary table and the totals over all of them.
 */
@Command(name = "faults", mixinStandardHelpOptions = true,
		description = { "Kill, stop, restart, swap and fuzz the platform under load, and count what was lost,",
				"duplicated, reordered or failed, end to end." })
public final class FaultsBenchmark implements Callable<Integer> {

	private static final List<String> SCENARIOS = List.of("crashes", "redis", "broker", "swaps", "fuzz", "poison");

	@Option(names = "--kafka", paramLabel = "HOST:PORT",
			description = "An external Kafka instead of in-process brokers (the broker restart is then skipped).")
	@Nullable String kafka;

	@Option(names = "--redis", paramLabel = "URL",
			description = "An external Redis instead of embedded servers (the Redis outage is then skipped).")
	@Nullable String redis;

	@Option(names = "--scenarios", split = ",", description = "Scenarios to run, of ${DEFAULT-VALUE} (default: all).")
	List<String> scenarios = new ArrayList<>(SCENARIOS);

	@Option(names = "--events",
			description = "Events produced while the ingest service is killed " + "(default: ${DEFAULT-VALUE}).")
	long crashEvents = 1_000_000;

	@Option(names = "--kills", description = "SIGKILLs of the ingest service (default: ${DEFAULT-VALUE}).")
	int kills = 5;

	@Option(names = "--users", description = "Users of the generated events (default: ${DEFAULT-VALUE}).")
	int users = 10_000;

	@Option(names = "--items", description = "Items of the generated events (default: ${DEFAULT-VALUE}).")
	int items = 50_000;

	@Option(names = "--outage-rate",
			description = "Events per second during the Redis and broker outages (default: ${DEFAULT-VALUE}).")
	double outageRate = 10_000;

	@Option(names = "--outage-seconds",
			description = "Seconds of production in the outage scenarios (default: ${DEFAULT-VALUE}).")
	double outageSeconds = 40;

	@Option(names = "--fault-at",
			description = "Seconds into production when the server stops " + "(default: ${DEFAULT-VALUE}).")
	double faultAt = 10;

	@Option(names = "--redis-down", description = "Seconds Redis stays stopped (default: ${DEFAULT-VALUE}).")
	double redisDown = 10;

	@Option(names = "--broker-down",
			description = "Seconds the broker stays stopped before it starts again (default: ${DEFAULT-VALUE}).")
	double brokerDown = 5;

	@Option(names = "--swaps", description = "Model versions published under load (default: ${DEFAULT-VALUE}).")
	int swaps = 20;

	@Option(names = "--swap-seconds", description = "Seconds of load during the swaps (default: ${DEFAULT-VALUE}).")
	int swapSeconds = 60;

	@Option(names = "--swap-rate", description = "Requests per second during the swaps (default: ${DEFAULT-VALUE}).")
	double swapRate = 200;

	@Option(names = "--swap-items", description = "Catalogue size of the swapped models (default: ${DEFAULT-VALUE}).")
	int swapItems = 10_000;

	@Option(names = "--ranker-set", paramLabel = "KEY=VALUE",
			description = "A ranker setting for the swaps, e.g. seqrec.ranker.scoring.workers=2 (repeatable).")
	List<String> rankerSettings = new ArrayList<>();

	@Option(names = "--fuzz-requests", description = "Generated requests (default: ${DEFAULT-VALUE}).")
	long fuzzRequests = 100_000;

	@Option(names = "--fuzz-connections",
			description = "Connections sending them, each its own thread (default: ${DEFAULT-VALUE}).")
	int fuzzConnections = 4;

	@Option(names = "--poison-valid", description = "Valid events among the poison (default: ${DEFAULT-VALUE}).")
	long poisonValid = 100_000;

	@Option(names = "--poison-invalid", description = "Invalid records (default: ${DEFAULT-VALUE}).")
	long poisonInvalid = 10_000;

	@Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed = 17;

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * What the scenarios read of the command line.
	 *
	 * @param kafka external Kafka, or null
	 * @param redis external Redis, or null
	 * @param runId a prefix that keeps this run's users, events and groups apart
	 * @param seed the random seed
	 * @param workDirectory where data and logs of this run go
	 * @param users users of the generated events
	 * @param items items of the generated events
	 * @param eventStart time of the first generated events
	 * @param crashEvents events of the crash scenario
	 * @param kills kills of the ingest service
	 * @param outageRate events per second in the outage scenarios
	 * @param outageSeconds seconds of production in the outage scenarios
	 * @param faultAt seconds into production when the server stops
	 * @param redisDown seconds Redis stays stopped
	 * @param brokerDown seconds the broker stays stopped
	 * @param swaps model versions published under load
	 * @param swapSeconds seconds of load during the swaps
	 * @param swapRate requests per second during the swaps
	 * @param swapUsers users with sequences during the swaps * @param swapItems catalogue
	 * size of the swapped models
	 * @param rankerSettings further ranker settings during the swaps
	 * @param fuzzRequests generated requests
	 * @param fuzzConnections connections sending them
	 * @param poisonValid valid events among the poison
	 * @param poisonInvalid invalid records
	 */
	record Options(@Nullable String kafka, @Nullable String redis, String runId, long seed, Path workDirectory,
			int users, int items, long eventStart, long crashEvents, int kills, double outageRate, double outageSeconds,
			double faultAt, double redisDown, double brokerDown, int swaps, int swapSeconds, double swapRate,
			int swapUsers, int swapItems, List<String> rankerSettings, long fuzzRequests, int fuzzConnections,
			long poisonValid, long poisonInvalid) {
	}

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		Set<String> chosen = new LinkedHashSet<>(this.scenarios);
		if (!SCENARIOS.containsAll(chosen)) {
			throw new CommandLine.ParameterException(this.spec.commandLine(),
					"unknown scenario in " + chosen + "; choose from " + SCENARIOS);
		}
		Path work = Files.createTempDirectory("seqrec-faults");
		byte[] id = new byte[3];
		new SecureRandom().nextBytes(id);
		Options options = new Options(this.kafka, this.redis, "f" + HexFormat.of().formatHex(id), this.seed, work,
				this.users, this.items, System.currentTimeMillis() - Duration.ofDays(7).toMillis(), this.crashEvents,
				this.kills, this.outageRate, this.outageSeconds, this.faultAt, this.redisDown, this.brokerDown,
				this.swaps, this.swapSeconds, this.swapRate, 2_000, this.swapItems, List.copyOf(this.rankerSettings),
				this.fuzzRequests, this.fuzzConnections, this.poisonValid, this.poisonInvalid);
		out.printf(Locale.ROOT, "bench faults: scenarios %s, run %s, %d cores%n", chosen, options.runId(),
				Runtime.getRuntime().availableProcessors());
		out.flush();
		long start = System.nanoTime();
		List<Outcome> outcomes = new ArrayList<>();
		boolean failed = false;
		try {
			for (String scenario : chosen) {
				long scenarioStart = System.nanoTime();
				try {
					outcomes.add(run(scenario, options, out));
				}
				catch (Exception ex) {
					failed = true;
					out.printf(Locale.ROOT, "  scenario %s could not run: %s%n", scenario, ex);
					outcomes.add(new Outcome(scenario, "-", "-", 0, 0, 0, 0, 0, 0, "-", "could not run: " + ex));
				}
				out.printf(Locale.ROOT, "  (%s took %.0f s)%n%n", scenario, (System.nanoTime() - scenarioStart) / 1e9);
				out.flush();
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(work)) {
				files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
		summary(outcomes, (System.nanoTime() - start) / 1e9, out);
		return failed ? 1 : 0;
	}

	private static Outcome run(String scenario, Options options, PrintWriter out) throws Exception {
		return switch (scenario) {
			case "crashes" -> new IngestCrashes(options, out).run();
			case "redis" -> redisOutage(options, out);
			case "broker" -> brokerRestart(options, out);
			case "swaps" -> new ModelSwaps(options, out).run();
			case "fuzz" -> new ApiFuzzing(options, out).run();
			default -> new PoisonEvents(options, out).run();
		};
	}

	private static Outcome redisOutage(Options options, PrintWriter out) throws Exception {
		out.printf(Locale.ROOT,
				"2. Redis outage: %,.0f events/s for %.0f s, Redis stopped at %.0f s for %.0f s, "
						+ "then started on the same append-only file%n",
				options.outageRate(), options.outageSeconds(), options.faultAt(), options.redisDown());
		if (options.redis() != null) {
			return Outcome.skipped("Redis outage", "external Redis: the bench does not stop it");
		}
		return outage(options, out, "Redis outage", "redis", "Redis stopped, %.0f s away", options.redisDown(),
				(servers) -> servers.redis().stop(), (servers) -> servers.redis().restart());
	}

	private static Outcome brokerRestart(Options options, PrintWriter out) throws Exception {
		out.printf(Locale.ROOT,
				"3. Kafka broker restart: %,.0f events/s for %.0f s, the broker stopped at %.0f s "
						+ "and started again %.0f s later%n",
				options.outageRate(), options.outageSeconds(), options.faultAt(), options.brokerDown());
		if (options.kafka() != null) {
			return Outcome.skipped("Kafka broker restart", "external Kafka: the bench does not restart it");
		}
		return outage(options, out, "Kafka broker restart", "broker", "broker restarted, %.0f s away",
				options.brokerDown(), (servers) -> servers.kafka().stopBroker(),
				(servers) -> servers.kafka().startBroker());
	}

	private static Outcome outage(Options options, PrintWriter out, String name, String key, String faultName,
			double down, Consumer<Infrastructure> stop, Consumer<Infrastructure> start) throws Exception {
		try (Infrastructure servers = Infrastructure.start(options, out)) {
			return new Outage(options, out).run(name, key, faultName, down, stop, start, servers);
		}
	}

	private static void summary(List<Outcome> outcomes, double seconds, PrintWriter out) {
		out.println("summary:");
		out.println("| scenario | load | faults injected | lost | duplicated | order errors | failed requests | 5xx "
				+ "| unauthenticated 2xx | recovery |");
		out.println("|---|---|---|---|---|---|---|---|---|---|");
		long lost = 0;
		long duplicated = 0;
		long order = 0;
		long failedRequests = 0;
		long serverErrors = 0;
		long unauthenticated = 0;
		for (Outcome outcome : outcomes) {
			if (!outcome.ran()) {
				out.printf(Locale.ROOT, "| %s | - | - | - | - | - | - | - | - | %s |%n", outcome.scenario(),
						outcome.skipped());
				continue;
			}
			out.printf(Locale.ROOT, "| %s | %s | %s | %d | %d | %d | %d | %d | %d | %s |%n", outcome.scenario(),
					outcome.load(), outcome.faults(), outcome.lost(), outcome.duplicated(), outcome.orderErrors(),
					outcome.failed(), outcome.serverErrors(), outcome.unauthenticated2xx(), outcome.recovery());
			lost += outcome.lost();
			duplicated += outcome.duplicated();
			order += outcome.orderErrors();
			failedRequests += outcome.failed();
			serverErrors += outcome.serverErrors();
			unauthenticated += outcome.unauthenticated2xx();
		}
		out.printf(Locale.ROOT, "bench faults took %.0f s%n", seconds);
		out.println("faults_events_lost=" + lost);
		out.println("faults_events_duplicated=" + duplicated);
		out.println("faults_order_errors=" + order);
		out.println("faults_failed_requests=" + failedRequests);
		out.println("faults_5xx=" + serverErrors);
		out.println("faults_unauthenticated_2xx=" + unauthenticated);
		out.flush();
	}

}
