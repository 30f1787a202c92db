package io.seqrec.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Asynchronous successive halving (ASHA; Li et al., MLSys 2020), deciding as Ray Tune's
 * {@code AsyncHyperBandScheduler} does, with one change that makes a parallel search give
 * the same decisions as a serial one.
 *
 * <p>
 * Rungs lie at {@code minEpochs * 3^k} epochs, below or at the epoch budget (Ray's
 * {@code int(log(max_t / grace_period) / log(3) + 1)} rungs, reduction factor 3). After a
 * validation, a trial that has passed a rung it has not yet been recorded at (the highest
 * such rung) is compared with the trials recorded there: below the 2/3 quantile of their
 * scores (numpy's linear interpolation) it stops; otherwise it goes on. Either way its
 * score joins the rung. The score is the trial's best validation so far.
 *
 * <p>
 * Ray compares with whichever trials happen to have reached the rung. Here a trial is
 * compared with the trials started before it, which is what a serial search sees: it
 * waits, if need be, until each of them has been recorded at the rung or has ended. The
 * trial that started first never waits, so the search cannot deadlock.
 */
public final class SuccessiveHalving {

	/** Ray's and the ASHA paper's usual reduction factor. */
	public static final int REDUCTION_FACTOR = 3;

	private final List<Integer> rungs;

	private final Map<Integer, Map<Integer, Double>> recorded = new HashMap<>();

	private final Map<Integer, Boolean> ended = new HashMap<>();

	/**
	 * Creates the scheduler.
	 * @param minEpochs the first rung (Ray's {@code grace_period})
	 * @param maxEpochs the epoch budget of a trial (Ray's {@code max_t})
	 */
	public SuccessiveHalving(int minEpochs, int maxEpochs) {
		if (minEpochs < 1) {
			throw new IllegalArgumentException("the first rung needs at least 1 epoch, got " + minEpochs);
		}
		int count = (int) (Math.log((double) maxEpochs / minEpochs) / Math.log(REDUCTION_FACTOR) + 1);
		List<Integer> milestones = new ArrayList<>();
		long milestone = minEpochs;
		for (int k = 0; k < count; k++) {
			milestones.add((int) milestone);
			milestone *= REDUCTION_FACTOR;
		}
		this.rungs = List.copyOf(milestones);
	}

	/**
	 * The rungs, in epochs.
	 * @return ascending milestones
	 */
	public List<Integer> rungs() {
		return this.rungs;
	}

	/**
	 * Registers a trial as started; trials start in index order.
	 * @param trial the 0-based trial index
	 */
	synchronized void started(int trial) {
		this.recorded.put(trial, new HashMap<>());
		this.ended.put(trial, false);
	}

	/**
	 * Marks a trial as ended (finished, stopped, failed or cancelled).
	 * @param trial the trial index
	 */
	synchronized void ended(int trial) {
		this.ended.put(trial, true);
		notifyAll();
	}

	/**
	 * Decides after one of a trial's validations.
	 * @param trial the trial index
	 * @param epochs epochs trained so far
	 * @param score the trial's best validation score so far
	 * @return true if the trial should stop
	 * @throws InterruptedException if interrupted while waiting for earlier trials
	 */
	synchronized boolean shouldStop(int trial, int epochs, double score) throws InterruptedException {
		Map<Integer, Double> mine = this.recorded.get(trial);
		if (mine == null) {
			throw new IllegalStateException("trial " + trial + " was not started");
		}
		for (int r = this.rungs.size() - 1; r >= 0; r--) {
			int rung = this.rungs.get(r);
			if (epochs < rung || mine.containsKey(rung)) {
				continue;
			}
			while (!earlierTrialsPassed(trial, rung)) {
				wait();
			}
			List<Double> scores = new ArrayList<>();
			for (int earlier = 0; earlier < trial; earlier++) {
				Double value = this.recorded.getOrDefault(earlier, Map.of()).get(rung);
				if (value != null && !value.isNaN()) {
					scores.add(value);
				}
			}
			mine.put(rung, score);
			notifyAll();
			return !scores.isEmpty() && score < quantile(scores, 1.0 - 1.0 / REDUCTION_FACTOR);
		}
		return false;
	}

	private boolean earlierTrialsPassed(int trial, int rung) {
		for (int earlier = 0; earlier < trial; earlier++) {
			Map<Integer, Double> theirs = this.recorded.get(earlier);
			boolean passed = theirs == null || this.ended.getOrDefault(earlier, true) || theirs.containsKey(rung);
			if (!passed) {
				return false;
			}
		}
		return true;
	}

	/**
	 * numpy's {@code percentile} with linear interpolation.
	 * @param values the values
	 * @param fraction the quantile in {@code [0, 1]}
	 * @return the quantile
	 */
	static double quantile(List<Double> values, double fraction) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		double position = fraction * (sorted.size() - 1);
		int lower = (int) Math.floor(position);
		int upper = Math.min(lower + 1, sorted.size() - 1);
		return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
	}

}
