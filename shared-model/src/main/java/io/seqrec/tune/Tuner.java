package io.seqrec.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * A hyper-parameter search: RecBole's {@code HyperTuning.run}, with trials in parallel
 * and an optional scheduler that stops unpromising trials.
 *
 * <p>
 * Trials are proposed in order, each from a generator seeded by the search's seed and the
 * trial's index, and run on {@code parallel} threads of their own. Results join the
 * search in trial order, whatever order trials end in: the early stop rule
 * ({@link NoProgressStop}) and the best trial are decided on that order, trials that ran
 * past an early stop are dropped, and {@link SuccessiveHalving} compares a trial only
 * with earlier ones. Exhaustive and random searches therefore give the same trials,
 * results and output with any parallelism. A model-based algorithm ({@code bayes})
 * proposes trial {@code i} from trials {@code 0..i-parallel}, the ones in between counted
 * as running, as hyperopt does with asynchronous workers; it waits for those trials if
 * need be, so a search is reproducible for a given parallelism and equals the serial one
 * for 1.
 */
public final class Tuner {

	private static final long TRIAL_SEED_STEP = 0x632BE59BD9B4E019L;

	private final SearchSpace space;

	private final TuneSettings settings;

	private final SearchAlgorithm algorithm;

	private final @Nullable SuccessiveHalving scheduler;

	private final List<double[]> points = new ArrayList<>();

	private final List<@Nullable TrialResult> results = new ArrayList<>();

	private final List<Trial> trials = new ArrayList<>();

	private final List<TrialResult> recorded = new ArrayList<>();

	private final NoProgressStop stopRule;

	private @Nullable TrialResult best;

	private int contiguous;

	private int limit;

	private int active;

	private boolean earlyStopped;

	private boolean interrupted;

	private @Nullable Throwable fatal;

	/**
	 * Creates a search.
	 * @param space the search space
	 * @param settings how to search
	 */
	public Tuner(SearchSpace space, TuneSettings settings) {
		this.space = space;
		this.settings = settings;
		this.algorithm = SearchAlgorithm.named(settings.algorithm(), space, settings.seed());
		this.scheduler = settings.scheduler().equals("asha")
				? new SuccessiveHalving(settings.minEpochs(), settings.maxEpochs()) : null;
		this.stopRule = new NoProgressStop(settings.earlyStop());
		// set here, not in run(): a stop() that comes before run() must hold
		this.limit = settings.plannedTrials(space);
	}

	/**
	 * Runs the search, once; returns when every trial started has ended.
	 * @param objective what each trial runs
	 * @param listener progress callbacks
	 * @return the recorded trials and the best one
	 * @throws InterruptedException if interrupted (running trials are told to stop)
	 */
	public TuneOutcome run(TrialObjective objective, TuneListener listener) throws InterruptedException {
		long start = System.nanoTime();
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.settings.parallel(), (task) -> {
			Thread thread = new Thread(task, "seqrec-trial-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try (AutoCloseable prepared = objective.prepare(this.settings.parallel())) {
			Trial trial;
			while ((trial = nextTrial(listener)) != null) {
				Trial started = trial;
				pool.execute(() -> runTrial(started, objective, listener));
			}
		}
		catch (InterruptedException ex) {
			cancelFrom(0);
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot prepare or release the trials: " + ex.getMessage(), ex);
		}
		finally {
			pool.shutdownNow();
		}
		synchronized (this) {
			if (this.fatal instanceof Error error) {
				throw error;
			}
			return new TuneOutcome(this.recorded, this.best, this.settings.plannedTrials(this.space), this.earlyStopped,
					this.interrupted, this.trials.size() - this.limit, (System.nanoTime() - start) / 1e9);
		}
	}

	/**
	 * Ends the search now, as its early stop would (for Ctrl-C): no trial starts any
	 * more, running trials are told to stop after their current batch, and {@link #run}
	 * returns the trials recorded so far once they have ended. Any thread may call it, at
	 * any time; called before {@link #run}, the search starts no trial.
	 */
	public synchronized void stop() {
		if (this.recorded.size() < this.limit) {
			this.limit = this.recorded.size();
			this.interrupted = true;
		}
		cancelFrom(this.limit);
	}

	private synchronized @Nullable Trial nextTrial(TuneListener listener) throws InterruptedException {
		int index = this.trials.size();
		while (!(index >= this.limit && this.active == 0) && !(index < this.limit && canStart(index))) {
			wait();
		}
		if (index >= this.limit) {
			return null;
		}
		SplittableRandom random = new SplittableRandom(
				new SplittableRandom(this.settings.seed() + index * TRIAL_SEED_STEP).nextLong());
		double[] point = this.algorithm.propose(index, history(index), random);
		Trial trial = new Trial(index, this.space.values(point));
		this.points.add(point);
		this.results.add(null);
		this.trials.add(trial);
		if (this.scheduler != null) {
			this.scheduler.started(index);
		}
		this.active++;
		listener.onTrialStarted(trial.number(), trial.params(), this.active);
		return trial;
	}

	private boolean canStart(int index) {
		return this.fatal == null && this.active < this.settings.parallel()
				&& (!this.algorithm.usesResults() || this.contiguous >= index - this.settings.parallel() + 1);
	}

	private List<Observation> history(int index) {
		List<Observation> history = new ArrayList<>(index);
		for (int j = 0; j < index; j++) {
			TrialResult result = this.results.get(j);
			boolean visible = this.algorithm.usesResults() && j <= index - this.settings.parallel() && result != null;
			history.add(new Observation(this.points.get(j), visible ? result.loss() : null));
		}
		return history;
	}

	private void runTrial(Trial trial, TrialObjective objective, TuneListener listener) {
		long start = System.nanoTime();
		TrialResult result;
		Throwable fatalError = null;
		try {
			result = objective.run(trial);
		}
		catch (Throwable ex) {
			String message = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			result = TrialResult.failed(trial.number(), trial.params(), (System.nanoTime() - start) / 1e9, message);
			fatalError = (ex instanceof Error) ? ex : null;
		}
		finally {
			if (this.scheduler != null) {
				this.scheduler.ended(trial.index);
			}
		}
		ended(trial.index, result, fatalError, listener);
	}

	private synchronized void ended(int index, TrialResult result, @Nullable Throwable fatalError,
			TuneListener listener) {
		this.results.set(index, result);
		this.active--;
		if (fatalError != null && this.fatal == null) {
			this.fatal = fatalError;
			this.limit = Math.min(this.limit, this.trials.size());
		}
		if (index < this.limit) {
			listener.onTrialEnded(result, this.active);
		}
		while (this.contiguous < this.results.size() && this.results.get(this.contiguous) != null) {
			this.contiguous++;
		}
		while (this.recorded.size() < Math.min(this.limit, this.contiguous)) {
			record(this.results.get(this.recorded.size()), listener);
		}
		notifyAll();
	}

	private void record(@Nullable TrialResult result, TuneListener listener) {
		if (result == null) {
			throw new IllegalStateException("recording a trial that has not ended");
		}
		Double score = result.score();
		Double bestScore = (this.best != null) ? this.best.score() : null;
		// RecBole: the first trial, a falsy best (0.0) or a strictly better score
		boolean newBest = score != null && (bestScore == null || bestScore == 0.0 || score > bestScore);
		if (newBest) {
			this.best = result;
		}
		this.recorded.add(result);
		listener.onTrialRecorded(result, newBest);
		if (this.stopRule.stopAfter(result.loss()) && this.recorded.size() < this.limit) {
			this.limit = this.recorded.size();
			this.earlyStopped = true;
			cancelFrom(this.limit);
		}
	}

	private synchronized void cancelFrom(int index) {
		for (int i = index; i < this.trials.size(); i++) {
			this.trials.get(i).cancelled = true;
		}
		notifyAll();
	}

	/** A trial as it runs. */
	private final class Trial implements TrialContext {

		private final int index;

		private final Map<String, @Nullable Object> params;

		private volatile boolean cancelled;

		private Trial(int index, Map<String, @Nullable Object> params) {
			this.index = index;
			this.params = params;
		}

		@Override
		public int number() {
			return this.index + 1;
		}

		@Override
		public Map<String, @Nullable Object> params() {
			return this.params;
		}

		@Override
		public boolean reportValidation(int epochs, double bestScore) {
			SuccessiveHalving rungs = Tuner.this.scheduler;
			if (rungs == null || this.cancelled) {
				return this.cancelled;
			}
			try {
				return rungs.shouldStop(this.index, epochs, bestScore);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return true;
			}
		}

		@Override
		public boolean cancelled() {
			return this.cancelled;
		}

	}

}
