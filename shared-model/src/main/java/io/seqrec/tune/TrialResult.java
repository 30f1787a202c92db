package io.seqrec.tune;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One trial of a search.
 *
 * @param number the 1-based trial number, in proposal order
 * @param params the trial's settings, by name in alphabetical order
 * @param status how it ended
 * @param score the best validation score ({@code valid_metric}), or null when it failed
 * @param bestValid the validation result of the best epoch, in RecBole's order
 * @param test the test result of the best epoch's checkpoint
 * @param bestEpoch the best epoch, or -1
 * @param epochs epochs trained
 * @param seconds the trial's wall time
 * @param curve every epoch
 * @param error why it failed, or null
 */
public record TrialResult(int number, Map<String, @Nullable Object> params, TrialStatus status, @Nullable Double score,
		Map<String, Double> bestValid, Map<String, Double> test, int bestEpoch, int epochs, double seconds,
		List<EpochPoint> curve, @Nullable String error) {

	public TrialResult {
		params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
		bestValid = Collections.unmodifiableMap(new LinkedHashMap<>(bestValid));
		test = Collections.unmodifiableMap(new LinkedHashMap<>(test));
		curve = List.copyOf(curve);
	}

	/**
	 * A failed trial.
	 * @param number the trial number
	 * @param params the settings
	 * @param seconds the wall time until it failed
	 * @param error why
	 * @return the result
	 */
	public static TrialResult failed(int number, Map<String, @Nullable Object> params, double seconds, String error) {
		return new TrialResult(number, params, TrialStatus.FAILED, null, Map.of(), Map.of(), -1, 0, seconds, List.of(),
				error);
	}

	/**
	 * hyperopt's loss: minus the best validation score (all ranking metrics are bigger is
	 * better).
	 * @return the loss, or null for a failed trial
	 */
	public @Nullable Double loss() {
		return (this.score != null) ? -this.score : null;
	}

}
