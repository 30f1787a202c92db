package io.seqrec.tune;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The result of a search.
 *
 * @param trials the recorded trials, in trial order
 * @param best the best trial by RecBole's rule, or null when every trial failed
 * @param planned the trials the search planned
 * @param earlyStopped whether {@code early_stop} ended it before the plan
 * @param discarded trials of a parallel search that started after the trial at which the
 * early stop ended it (while that trial still ran) and were dropped, so that the result
 * is the serial search's
 * @param seconds the search's wall time
 */
public record TuneOutcome(List<TrialResult> trials, @Nullable TrialResult best, int planned, boolean earlyStopped,
		int discarded, double seconds) {

	public TuneOutcome {
		trials = List.copyOf(trials);
	}

}
