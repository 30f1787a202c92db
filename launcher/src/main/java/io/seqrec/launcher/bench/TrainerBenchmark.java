package io.seqrec.launcher.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.data.InteractionTable;
import io.seqrec.ingest.IngestApplication;
import io.seqrec.launcher.BootApps;
import io.seqrec.launcher.DatasetReplayer;
import io.seqrec.launcher.EmbeddedKafka;
import io.seqrec.launcher.EmbeddedRedis;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.TrainingListener;
import io.seqrec.trainer.TrainerApplication;
import io.seqrec.trainer.run.RunView;
import io.seqrec.trainer.run.TrainingRun;
import io.seqrec.trainer.run.TrainingRunService;

/**
 * {@code seqrec bench trainer}: replays an atomic dataset through Kafka and the ingest
 * service into Redis, lets the trainer's schedule start a run (snapshot, training,
 * publication), and trains the same model with the CLI's pipeline on the same
 * interactions in the same order, so the two test results can be compared.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true,
		description = { "Time a scheduled training run on a dataset replayed through the ingest contract,",
				"and compare its test metrics with the CLI pipeline on the same interactions." })
final class TrainerBenchmark implements Callable<Integer> {

	@Option(names = "--dataset", description = "Dataset name (default: ${DEFAULT-VALUE}).")
	String dataset = "ml-100k";

	@Option(names = "--data-path",
			description = "Directory holding <dataset>/<dataset>.inter (default: ${DEFAULT-VALUE}).")
	Path dataPath = Path.of("dataset");

	@Option(names = "--model", description = "Model to train (default: ${DEFAULT-VALUE}).")
	String model = "SASRec";

	@Option(names = "--set", paramLabel = "KEY=VALUE",
			description = "Configuration of both runs (default: train_mode=all_positions).")
	Map<String, String> settings = new LinkedHashMap<>(Map.of("train_mode", "all_positions"));

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		TrainingJob job = TrainingJob
			.configure(new ConfigRequest(this.model, null, List.of(), Map.of(), this.settings));
		Config config = job.config();
		InteractionTable table = Datasets.readAtomic(config, this.dataPath, this.dataset);
		int longest = longestHistory(table);
		out.printf(Locale.ROOT, "bench trainer: %s (%,d interactions, longest history %d), %s with %s, %d cores%n",
				this.dataset, table.size(), longest, this.model, this.settings,
				Runtime.getRuntime().availableProcessors());
		out.flush();
		RunView run;
		Map<String, Double> cli;
		Path store = Files.createTempDirectory("seqrec-bench-store");
		try (EmbeddedRedis redis = EmbeddedRedis.start(0);
				EmbeddedKafka kafka = EmbeddedKafka.start(0, 3, Topics.INTERACTIONS, Topics.INTERACTIONS_DLT,
						Topics.MODEL_UPDATES)) {
			ingest(table, kafka.bootstrapServers(), redis.url(), longest, out);
			run = scheduledRun(kafka.bootstrapServers(), redis.url(), store, out);
			cli = cliRun(job, table, out);
		}
		Map<String, Double> service = run.test();
		out.println("service run: " + run.status() + " " + service);
		out.println("CLI pipeline: " + cli);
		out.printf(Locale.ROOT, "trainer_run_seconds=%.1f%n", run.durationSeconds());
		out.printf(Locale.ROOT, "trainer_snapshot_seconds=%.2f%n", run.timings().getOrDefault("snapshot", -1.0));
		out.printf(Locale.ROOT, "trainer_training_seconds=%.1f%n", run.timings().getOrDefault("train", -1.0));
		out.printf(Locale.ROOT, "trainer_publish_seconds=%.2f%n", run.timings().getOrDefault("publish", -1.0));
		out.println("test_metrics_match=" + service.equals(cli));
		out.flush();
		return 0;
	}

	private static int longestHistory(InteractionTable table) {
		Map<String, Integer> counts = new java.util.HashMap<>();
		int longest = 0;
		for (int row = 0; row < table.size(); row++) {
			longest = Math.max(longest, counts.merge(table.userToken(row), 1, Integer::sum));
		}
		return longest;
	}

	private void ingest(InteractionTable table, String bootstrap, String redisUrl, int longest, PrintWriter out)
			throws InterruptedException {
		try (ConfigurableApplicationContext ingest = BootApps.run(IngestApplication.class,
				IngestApplication.CONFIG_NAME, false, "spring.kafka.bootstrap-servers=" + bootstrap,
				"spring.data.redis.url=" + redisUrl, "seqrec.ingest.max-sequence-length=" + Math.max(200, longest));
				RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> redis = client.connect(StringCodec.UTF8)) {
			long start = System.nanoTime();
			DatasetReplayer.replay(table, this.dataset, bootstrap, DatasetReplayer.printer(out, table.size()));
			long ingested = 0;
			while (ingested < table.size()) {
				TimeUnit.MILLISECONDS.sleep(50);
				String counter = redis.sync().get(RedisKeys.EVENT_COUNTER);
				ingested = (counter != null) ? Long.parseLong(counter) : 0;
			}
			out.printf(Locale.ROOT, "replayed and ingested %,d events in %.1f s%n", ingested,
					(System.nanoTime() - start) / 1e9);
			out.flush();
		}
	}

	private RunView scheduledRun(String bootstrap, String redisUrl, Path store, PrintWriter out)
			throws InterruptedException {
		List<String> args = new ArrayList<>(
				List.of("spring.kafka.bootstrap-servers=" + bootstrap, "spring.data.redis.url=" + redisUrl,
						"seqrec.trainer.store=" + store, "seqrec.trainer.model=" + this.model,
						"seqrec.trainer.schedule.new-events=1", "seqrec.trainer.schedule.check-interval=1s"));
		this.settings.forEach((key, value) -> args.add("seqrec.trainer.config." + key + "=" + value));
		try (ConfigurableApplicationContext trainer = BootApps.run(TrainerApplication.class,
				TrainerApplication.CONFIG_NAME, false, args.toArray(String[]::new))) {
			TrainingRunService runs = trainer.getBean(TrainingRunService.class);
			long deadline = System.nanoTime() + Duration.ofHours(3).toNanos();
			while (System.nanoTime() < deadline) {
				TimeUnit.SECONDS.sleep(1);
				List<TrainingRun> recent = runs.recent();
				if (!recent.isEmpty() && recent.get(0).view().status().isFinal()) {
					RunView view = recent.get(0).view();
					out.printf(Locale.ROOT, "scheduled run (%s) %s in %.1f s: %s%n", view.trigger(), view.status(),
							view.durationSeconds(), view.timings());
					out.flush();
					return view;
				}
			}
			throw new IllegalStateException("the scheduled run did not finish within 3 hours");
		}
	}

	/**
	 * The CLI's pipeline on the same rows in the trainer's canonical order: time, then
	 * event id.
	 */
	private Map<String, Double> cliRun(TrainingJob job, InteractionTable table, PrintWriter out) {
		Integer[] order = new Integer[table.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		java.util.Arrays.sort(order,
				Comparator.comparingLong((Integer row) -> DatasetReplayer.epochMillis(table.timestamp(row)))
					.thenComparing((row) -> DatasetReplayer.eventId(this.dataset, row)));
		List<String> users = new ArrayList<>(order.length);
		List<String> items = new ArrayList<>(order.length);
		double[] times = new double[order.length];
		for (int i = 0; i < order.length; i++) {
			users.add(table.userToken(order[i]));
			items.add(table.itemToken(order[i]));
			times[i] = DatasetReplayer.epochMillis(table.timestamp(order[i]));
		}
		long start = System.nanoTime();
		try (Experiment experiment = job.train(job.prepare(InteractionTable.of(users, items, times)),
				TrainingListener.NONE)) {
			out.printf(Locale.ROOT, "CLI pipeline trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
			out.flush();
			return experiment.outcome().test().values();
		}
	}

}
