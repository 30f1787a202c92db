package io.seqrec.train;

import java.util.List;

import io.seqrec.eval.RankingResult;

/**
 * The result of a training run, with the best checkpoint loaded into the model.
 *
 * @param bestEpoch the epoch of the best validation result
 * @param epochsRun number of epochs run
 * @param bestValid the best validation result
 * @param test the test result of the best checkpoint
 * @param trainSeconds wall time of the whole run (training and validation)
 * @param secondsToBest wall time until the best epoch's evaluation finished
 * @param device the device trained on
 * @param history one report per epoch
 * @param stopped whether the listener stopped the run before its epoch budget or early
 * stopping ended it ({@link TrainingListener#stopRequested})
 */
public record TrainingOutcome(int bestEpoch, int epochsRun, RankingResult bestValid, RankingResult test,
		double trainSeconds, double secondsToBest, String device, List<EpochReport> history, boolean stopped) {

	public TrainingOutcome {
		history = List.copyOf(history);
	}

	/**
	 * The outcome of a run that ended by itself (epoch budget or early stopping).
	 * @param bestEpoch the epoch of the best validation result
	 * @param epochsRun number of epochs run
	 * @param bestValid the best validation result
	 * @param test the test result of the best checkpoint
	 * @param trainSeconds wall time of the whole run
	 * @param secondsToBest wall time until the best epoch's evaluation finished
	 * @param device the device trained on
	 * @param history one report per epoch
	 */
	public TrainingOutcome(int bestEpoch, int epochsRun, RankingResult bestValid, RankingResult test,
			double trainSeconds, double secondsToBest, String device, List<EpochReport> history) {
		this(bestEpoch, epochsRun, bestValid, test, trainSeconds, secondsToBest, device, history, false);
	}

	/**
	 * Mean wall time of an epoch's training pass.
	 * @return seconds
	 */
	public double secondsPerEpoch() {
		return this.history.stream().mapToDouble(EpochReport::trainSeconds).average().orElse(0);
	}

}
