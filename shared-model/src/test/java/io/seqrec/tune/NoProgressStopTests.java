package io.seqrec.tune;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * hyperopt's {@code no_progress_loss}, trial by trial.
 */
class NoProgressStopTests {

	/** The number of trials run before the rule stops the search, or -1. */
	private static int trialsRun(int patience, Double... losses) {
		NoProgressStop rule = new NoProgressStop(patience);
		for (int i = 0; i < losses.length; i++) {
			if (rule.stopAfter(losses[i])) {
				return i + 1;
			}
		}
		return -1;
	}

	@Test
	void theFirstTrialCountsAsOneWithoutProgress() {
		// the first trial stays the best: trials 2..10 bring no progress, the search ends
		// at 10
		assertThat(trialsRun(10, -0.5, -0.4, -0.4, -0.3, -0.2, -0.1, -0.1, -0.1, -0.1, -0.1, -0.1, -0.1)).isEqualTo(10);
		assertThat(trialsRun(3, -0.5, -0.4, -0.4, -0.4)).isEqualTo(3);
	}

	@Test
	void onlyStrictImprovementResetsTheCount() {
		// improvement at trial 2, then ties: no progress, the search ends after trial 5
		assertThat(trialsRun(3, -0.1, -0.2, -0.2, -0.2, -0.2, -0.2)).isEqualTo(5);
		assertThat(trialsRun(2, -0.1, -0.2, -0.3, -0.4, -0.5)).isEqualTo(-1);
	}

	@Test
	void aTrialWithoutLossCountsAsProgress() {
		// trial 3 has none: the count restarts and trial 4 is taken as the best
		assertThat(trialsRun(3, -0.3, -0.1, null, -0.1, -0.1, -0.05)).isEqualTo(6);
	}

}
