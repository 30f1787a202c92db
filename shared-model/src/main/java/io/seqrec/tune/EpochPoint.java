package io.seqrec.tune;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One epoch of a trial, for its learning curves.
 *
 * @param epoch the 0-based epoch
 * @param trainLoss the epoch's training loss (sum of batch means, as RecBole logs it)
 * @param valid the validation result, or null when the epoch was not evaluated
 */
public record EpochPoint(int epoch, double trainLoss, @Nullable Map<String, Double> valid) {

	public EpochPoint {
		valid = (valid != null) ? Map.copyOf(valid) : null;
	}

}
