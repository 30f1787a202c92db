package io.seqrec.tune;

import org.jspecify.annotations.Nullable;

/**
 * hyperopt's {@code no_progress_loss(n)}, RecBole's {@code early_stop}: the search stops
 * once {@code n} trials in a row have not strictly improved the best loss. As in
 * hyperopt, the first trial itself counts as one trial without progress, so with the
 * default of 10 a search whose first trial stays the best ends after trial 10; a failed
 * trial (no loss) counts as progress and leaves no best loss, so the next trial is again
 * taken as it comes.
 */
final class NoProgressStop {

	private final int patience;

	private @Nullable Double best;

	private int sinceProgress;

	/**
	 * Creates the rule.
	 * @param patience trials without improvement that end the search
	 */
	NoProgressStop(int patience) {
		if (patience < 1) {
			throw new IllegalArgumentException("early stop needs at least 1 trial, got " + patience);
		}
		this.patience = patience;
	}

	/**
	 * Folds in the next trial, in trial order.
	 * @param loss the trial's loss, or null when it has none
	 * @return whether the search stops after this trial
	 */
	boolean stopAfter(@Nullable Double loss) {
		if (this.best == null) {
			// hyperopt: without a best loss yet, take this one and count a trial
			this.best = loss;
			this.sinceProgress++;
			return false;
		}
		if (loss == null || loss < this.best) {
			this.best = loss;
			this.sinceProgress = 0;
		}
		else {
			this.sinceProgress++;
		}
		return this.sinceProgress >= this.patience;
	}

}
