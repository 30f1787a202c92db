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
 * @param interrupted whether {@link Tuner#stop} ended it before the plan (and before any
 * early stop)
 * @param discarded trials that started after the trial at which the early stop ended the
 * search (while that trial still ran), or that had not been recorded when it was stopped,
 * and were dropped: after an early stop the result is the serial search's
 * @param seconds the search's wall time
 */
public record TuneOutcome(List<TrialResult> trials, @Nullable TrialResult best, int planned, boolean earlyStopped,
		boolean interrupted, int discarded, double seconds) {

	public TuneOutcome {
		trials = List.copyOf(trials);
	}

}
