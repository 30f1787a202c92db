package io.seqrec.tune;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Progress of a search. Calls never overlap.
 */
public interface TuneListener {

	/** A listener that ignores everything. */
	TuneListener NONE = new TuneListener() {
	};

	/**
	 * A trial starts.
	 * @param number the trial number
	 * @param params its settings
	 * @param running trials running now, this one included
	 */
	default void onTrialStarted(int number, Map<String, @Nullable Object> params, int running) {
	}

	/**
	 * A trial ended, in the order trials end.
	 * @param result the trial
	 * @param running trials still running
	 */
	default void onTrialEnded(TrialResult result, int running) {
	}

	/**
	 * A trial joins the search's results, in trial order (what a serial search would
	 * print, in the same order whatever the parallelism).
	 * @param result the trial
	 * @param newBest whether it became the best so far (RecBole's rule)
	 */
	default void onTrialRecorded(TrialResult result, boolean newBest) {
	}

}
