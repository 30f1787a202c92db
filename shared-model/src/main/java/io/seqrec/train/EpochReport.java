package io.seqrec.train;

import org.jspecify.annotations.Nullable;

import io.seqrec.eval.RankingResult;

/**
 * What one epoch did.
 *
 * @param epoch 0-based epoch index (RecBole numbering)
 * @param trainLoss sum of the batch mean losses, as RecBole logs it
 * @param trainSeconds wall time of the training pass
 * @param batches number of batches
 * @param valid the validation result, or null when the epoch was not evaluated
 * @param validScore the validation metric, or NaN when not evaluated
 * @param evalSeconds wall time of the validation, or 0
 * @param improved whether this evaluation became the best so far (ties count)
 * @param elapsedSeconds wall time since the run started
 */
public record EpochReport(int epoch, double trainLoss, double trainSeconds, int batches, @Nullable RankingResult valid,
		double validScore, double evalSeconds, boolean improved, double elapsedSeconds) {

}
