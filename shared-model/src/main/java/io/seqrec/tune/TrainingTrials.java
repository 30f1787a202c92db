package io.seqrec.tune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;

import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigRequest;
import io.seqrec.config.PythonText;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelRegistry;
import io.seqrec.run.Experiment;
import io.seqrec.run.PreparedDatasets;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.ConcurrentTraining;
import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;
import io.seqrec.train.TrainingOutcome;

/**
 * The trial of a search that trains a model: RecBole's {@code objective_function}. A
 * trial's settings are the configuration's {@code parameters} layer (above the config
 * files, below the command line, as RecBole's {@code config_dict}); the model is built,
 * trained with RecBole's early stopping, validated and tested as {@code seqrec train}
 * does, quietly. Trials with the same data settings share one prepared dataset.
 *
 * <p>
 * Each trial's thread gets {@code cores / parallel} intra-op threads. A trial's result
 * depends on its settings and seed and on that thread count (PyTorch's CPU kernels split
 * their sums by thread count), not on the other trials: the same search with the same
 * threads per trial gives the same results, serial or parallel.
 */
public final class TrainingTrials implements TrialObjective {

	private final ConfigRequest base;

	private final Path dataPath;

	private final String dataset;

	private final TrialThreads threads;

	private final int cores;

	private final PreparedDatasets datasets = new PreparedDatasets();

	private volatile int threadsPerTrial;

	/**
	 * Creates the objective.
	 * @param base the model, dataset, config files and fixed {@code --key=value} settings
	 * @param dataPath the data directory
	 * @param threads sets a trial thread's intra-op threads
	 * @param cores the cores to share between the trials that run at once
	 */
	public TrainingTrials(ConfigRequest base, Path dataPath, TrialThreads threads, int cores) {
		if (base.dataset() == null) {
			throw new IllegalArgumentException("a search needs a dataset");
		}
		this.base = base;
		this.dataPath = dataPath;
		this.dataset = base.dataset();
		this.threads = threads;
		this.cores = Math.max(1, cores);
		this.threadsPerTrial = this.cores;
	}

	/**
	 * Checks a search space against the model's configuration before any trial: every
	 * setting must be a configuration key that the command line does not fix, every
	 * {@code choice} value valid on its own, and a value of every other dimension valid.
	 * @param space the search space
	 * @param origin the params file, for messages
	 * @throws ConfigException naming the file and line of the first problem
	 */
	public void check(SearchSpace space, String origin) {
		for (Dimension dimension : space.dimensions()) {
			String name = dimension.name();
			String where = origin + " line " + space.line(name) + ": ";
			if (this.base.commandLine().containsKey(name) || this.base.commandLine().containsKey("--" + name)) {
				throw new ConfigException(where + name + " is searched here and fixed on the command line; drop one");
			}
			List<@Nullable Object> values = new ArrayList<>();
			if (dimension instanceof Dimension.Choice choice) {
				values.addAll(choice.values());
			}
			else {
				values.add(dimension.value(dimension.sample(new SplittableRandom(0))));
			}
			for (Object value : values) {
				Map<String, @Nullable Object> parameters = new LinkedHashMap<>();
				parameters.put(name, value);
				try {
					ModelRegistry.loadConfig(this.base.withParameters(parameters));
				}
				catch (ConfigException ex) {
					throw new ConfigException(where + name + " = " + PythonText.str(value) + ": " + ex.getMessage(),
							ex);
				}
			}
		}
	}

	/**
	 * Reads and prepares the dataset with the fixed settings before the search, so that a
	 * data error ends the search before any trial and the trials that keep the data
	 * settings find the dataset prepared.
	 * @return the dataset
	 */
	public SequentialDataset readDataset() {
		return this.datasets.get(TrainingJob.configure(this.base), this.dataPath, this.dataset);
	}

	@Override
	public AutoCloseable prepare(int parallel) {
		this.threadsPerTrial = Math.max(1, this.cores / parallel);
		return (parallel > 1) ? ConcurrentTraining.open() : () -> {
		};
	}

	/**
	 * The intra-op threads each trial gets.
	 * @return cores divided by the trials that run at once, at least 1
	 */
	public int threadsPerTrial() {
		return this.threadsPerTrial;
	}

	@Override
	public TrialResult run(TrialContext context) {
		long start = System.nanoTime();
		this.threads.apply(this.threadsPerTrial);
		TrainingJob job = TrainingJob.configure(this.base.withParameters(context.params()));
		SequentialDataset data = this.datasets.get(job, this.dataPath, this.dataset);
		String metric = job.config().getString("valid_metric");
		Progress progress = new Progress(context);
		try (Experiment experiment = job.train(data, progress)) {
			TrainingOutcome outcome = experiment.outcome();
			TrialStatus status = (outcome.stopped() && progress.stoppedByScheduler) ? TrialStatus.STOPPED
					: TrialStatus.FINISHED;
			return new TrialResult(context.number(), context.params(), status, outcome.bestValid().get(metric),
					outcome.bestValid().values(), outcome.test().values(), outcome.bestEpoch(), outcome.epochsRun(),
					(System.nanoTime() - start) / 1e9, progress.curve, null);
		}
	}

	/** Records a trial's curve and asks the scheduler after each validation. */
	private static final class Progress implements TrainingListener {

		private final TrialContext context;

		private final List<EpochPoint> curve = new ArrayList<>();

		private double best = Double.NEGATIVE_INFINITY;

		private boolean stoppedByScheduler;

		Progress(TrialContext context) {
			this.context = context;
		}

		@Override
		public void onEpoch(EpochReport report) {
			this.curve.add(new EpochPoint(report.epoch(), report.trainLoss(),
					(report.valid() != null) ? report.valid().values() : null));
			if (report.valid() != null) {
				this.best = Math.max(this.best, report.validScore());
				if (this.context.reportValidation(report.epoch() + 1, this.best)) {
					this.stoppedByScheduler = true;
				}
			}
		}

		@Override
		public boolean stopRequested() {
			return this.stoppedByScheduler || this.context.cancelled();
		}

	}

}
