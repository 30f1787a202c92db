package io.seqrec.tune;

import java.util.Locale;

/**
 * How a search runs.
 *
 * @param algorithm {@code exhaustive}, {@code random} or {@code bayes}
 * @param maxEvals the trial budget (RecBole's {@code max_evals}; {@code exhaustive}
 * replaces it with the grid size)
 * @param earlyStop trials without improvement that end the search (RecBole's
 * {@code early_stop})
 * @param parallel trials that run at once
 * @param scheduler {@code none} or {@code asha}
 * @param minEpochs the first rung of {@code asha}
 * @param maxEpochs the epoch budget of a trial, the top of {@code asha}'s rungs
 * @param seed the search's seed (proposals; each trial trains with its own {@code seed})
 */
public record TuneSettings(String algorithm, int maxEvals, int earlyStop, int parallel, String scheduler, int minEpochs,
		int maxEpochs, long seed) {

	public TuneSettings {
		algorithm = algorithm.toLowerCase(Locale.ROOT);
		scheduler = scheduler.toLowerCase(Locale.ROOT);
		if (maxEvals < 1) {
			throw new IllegalArgumentException("max-evals must be at least 1, got " + maxEvals);
		}
		if (parallel < 1) {
			throw new IllegalArgumentException("parallel must be at least 1, got " + parallel);
		}
		if (!scheduler.equals("none") && !scheduler.equals("asha")) {
			throw new IllegalArgumentException("scheduler must be none or asha, got " + scheduler);
		}
		if (minEpochs < 1) {
			throw new IllegalArgumentException("the first rung needs at least 1 epoch, got " + minEpochs);
		}
	}

	/**
	 * The number of trials the search plans: the grid size for {@code exhaustive} (as
	 * RecBole overwrites {@code max_evals}), else {@code maxEvals}.
	 * @param space the search space
	 * @return the planned trials
	 */
	public int plannedTrials(SearchSpace space) {
		if (this.algorithm.equals("exhaustive")) {
			return (int) Math.min(space.gridSize(), Integer.MAX_VALUE);
		}
		return this.maxEvals;
	}

}
