package io.seqrec.trainer.run;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import io.seqrec.contract.SequenceStore;
import io.seqrec.data.InteractionTable;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelRegistry;
import io.seqrec.run.Experiment;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.Devices;
import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;
import io.seqrec.trainer.TrainerProperties;
import io.seqrec.trainer.registry.ModelRegistryService;
import io.seqrec.trainer.registry.Publication;

/**
 * Runs training, one run at a time on its own thread: snapshot every user's sequence from
 * Redis, build the dataset with the CLI's pipeline (chronological leave-one-out), train
 * and evaluate the configured model, then publish it through the registry's gate. A run
 * that fails leaves the live model untouched and records why.
 */
@Service
public class TrainingRunService implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(TrainingRunService.class);

	private static final int KEPT_RUNS = 50;

	/**
	 * How long shutting down waits for a cancelled run's thread (the chart gives 60 s).
	 */
	static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final TrainerProperties properties;

	private final SequenceStore sequences;

	private final ModelRegistryService registry;

	private final TrainerMetrics metrics;

	private final Clock clock;

	private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "seqrec-training");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, TrainingRun> runs = new LinkedHashMap<>();

	private @Nullable TrainingRun current;

	private long eventsAtLastStart = -1;

	TrainingRunService(TrainerProperties properties, SequenceStore sequences, ModelRegistryService registry,
			TrainerMetrics metrics, Clock clock) {
		this.properties = properties;
		this.sequences = sequences;
		this.registry = registry;
		this.metrics = metrics;
		this.clock = clock;
		// an unimplemented model or an invalid key stops the service at start, not a run
		ModelRegistry.loadConfig(properties.configRequest());
	}

	/**
	 * Starts a run.
	 * @param trigger what asks for it
	 * @return the new run
	 * @throws RunInProgressException if a run is still going
	 */
	public synchronized TrainingRun start(String trigger) {
		if (this.current != null && !this.current.status().isFinal()) {
			throw new RunInProgressException(this.current.id());
		}
		TrainingRun run = new TrainingRun(UUID.randomUUID().toString(), trigger, this.clock.instant());
		this.runs.put(run.id(), run);
		while (this.runs.size() > KEPT_RUNS) {
			this.runs.remove(this.runs.keySet().iterator().next());
		}
		this.current = run;
		this.eventsAtLastStart = ingestedEventsOr(this.eventsAtLastStart);
		this.executor.execute(() -> execute(run));
		return run;
	}

	/**
	 * Events ingested since the last run started, for the new-events trigger.
	 * @return the count, or -1 when the counter cannot be read
	 */
	public synchronized long eventsSinceLastStart() {
		long now = ingestedEventsOr(-1);
		if (now < 0) {
			return -1;
		}
		return (this.eventsAtLastStart < 0) ? now : now - this.eventsAtLastStart;
	}

	private long ingestedEventsOr(long fallback) {
		try {
			return this.sequences.ingestedEvents();
		}
		catch (RuntimeException ex) {
			logger.warn("cannot read the ingested-events counter: {}", ex.getMessage());
			return fallback;
		}
	}

	/**
	 * Whether a run is going.
	 * @return true while a run is not final
	 */
	public synchronized boolean isRunning() {
		return this.current != null && !this.current.status().isFinal();
	}

	/**
	 * Looks up a run.
	 * @param id the run id
	 * @return the run, if it is among the recent ones
	 */
	public synchronized Optional<TrainingRun> find(String id) {
		return Optional.ofNullable(this.runs.get(id));
	}

	/**
	 * The recent runs, newest first.
	 * @return the runs
	 */
	public synchronized List<TrainingRun> recent() {
		List<TrainingRun> list = new ArrayList<>(this.runs.values());
		java.util.Collections.reverse(list);
		return list;
	}

	/**
	 * Asks a running run to stop after its current batch.
	 * @param id the run id
	 * @return false if the run is unknown or already over
	 */
	public synchronized boolean cancel(String id) {
		TrainingRun run = this.runs.get(id);
		if (run == null || run.status().isFinal()) {
			return false;
		}
		run.requestCancel();
		return true;
	}

	private void execute(TrainingRun run) {
		long start = System.nanoTime();
		try {
			logger.info("training run {} started ({})", run.id(), run.view().trigger());
			long t = System.nanoTime();
			InteractionTable table = Snapshots.read(this.sequences);
			run.timing("snapshot", seconds(t));
			run.data("interactions", table.size());
			checkCancelled(run);
			run.status(RunStatus.PREPARING);
			t = System.nanoTime();
			TrainingJob job = TrainingJob.configure(this.properties.configRequest());
			SequentialDataset dataset = prepare(job, table);
			run.timing("prepare", seconds(t));
			run.data("users", dataset.users().size() - 1);
			run.data("items", dataset.items().size() - 1);
			run.data("trainSamples", dataset.train().size());
			run.data("testSamples", dataset.test().size());
			run.status(RunStatus.TRAINING);
			run.device(Devices.describe(job.device()));
			run.training(job.config().model(), job.config().getString("valid_metric"));
			t = System.nanoTime();
			try (Experiment experiment = job.train(dataset, progress(run))) {
				run.timing("train", seconds(t));
				run.results(experiment.outcome().bestValid().values(), experiment.outcome().test().values());
				run.status(RunStatus.PUBLISHING);
				t = System.nanoTime();
				Publication publication = this.registry.publish(experiment);
				run.timing("publish", seconds(t));
				run.published(publication.version().version(), publication.decision());
				RunStatus outcome = publication.accepted() ? RunStatus.SUCCEEDED : RunStatus.REFUSED;
				run.finish(outcome, null, this.clock.instant());
				this.metrics.finished(outcome, seconds(start), this.clock.instant());
				logger.info("training run {} {} version {} in {} s: {}", run.id(), outcome,
						publication.version().version(), Math.round(seconds(start)), publication.decision());
			}
		}
		catch (CancellationException ex) {
			run.finish(RunStatus.CANCELLED, "cancelled on request", this.clock.instant());
			this.metrics.finished(RunStatus.CANCELLED, seconds(start), null);
		}
		catch (RuntimeException ex) {
			String reason = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			logger.warn("training run {} failed: {}", run.id(), reason, ex);
			run.finish(RunStatus.FAILED, reason, this.clock.instant());
			this.metrics.finished(RunStatus.FAILED, seconds(start), null);
		}
	}

	private SequentialDataset prepare(TrainingJob job, InteractionTable table) {
		if (table.size() == 0) {
			throw new IllegalStateException("no sequences in Redis yet: nothing to train on");
		}
		SequentialDataset dataset = job.prepare(table);
		if (dataset.test().size() < this.properties.minUsers()) {
			throw new IllegalStateException(
					"only " + dataset.test().size() + " users have enough history to be tested; "
							+ "a run needs at least " + this.properties.minUsers() + " (seqrec.trainer.min-users)");
		}
		return dataset;
	}

	private static TrainingListener progress(TrainingRun run) {
		return new TrainingListener() {
			@Override
			public void onBatch(int epoch, int batch, int batches) {
				run.batch(batch + 1, batches);
				checkCancelled(run);
			}

			@Override
			public void onEpoch(EpochReport report) {
				run.epoch(report);
			}
		};
	}

	private static void checkCancelled(TrainingRun run) {
		if (run.cancelRequested()) {
			throw new CancellationException();
		}
	}

	private static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

	/**
	 * The time the service was asked for, for tests and metrics.
	 * @return now
	 */
	Instant now() {
		return this.clock.instant();
	}

	/**
	 * Cancels the run in progress and waits, at most {@link #STOP_GRACE}, until its
	 * thread has stopped (after its current batch). The JVM must not exit while that
	 * thread is inside the engine: libtorch's exit handlers would pull its state from
	 * under it, and the process would crash instead of stopping.
	 */
	@Override
	public void destroy() {
		TrainingRun running = this.current;
		if (running != null) {
			running.requestCancel();
		}
		this.executor.shutdownNow();
		try {
			if (!this.executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
				logger.warn("the training run did not stop within {}; exiting anyway", STOP_GRACE);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
