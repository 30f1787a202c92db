package io.seqrec.tune;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASHA's decisions on a set of synthetic learning curves, trial after trial as a serial
 * search runs them.
 */
class SuccessiveHalvingTests {

	@Test
	void rungsGrowByTheReductionFactorUpToTheBudget() {
		assertThat(new SuccessiveHalving(1, 300).rungs()).containsExactly(1, 3, 9, 27, 81, 243);
		assertThat(new SuccessiveHalving(2, 100).rungs()).containsExactly(2, 6, 18, 54);
		assertThat(new SuccessiveHalving(5, 5).rungs()).containsExactly(5);
		assertThat(new SuccessiveHalving(10, 5).rungs()).isEmpty();
	}

	@Test
	void quantileInterpolatesLinearlyAsNumpy() {
		assertThat(SuccessiveHalving.quantile(List.of(0.201, 0.501), 2.0 / 3)).isCloseTo(0.401,
				org.assertj.core.api.Assertions.within(1e-12));
		assertThat(SuccessiveHalving.quantile(List.of(0.8, 0.2, 0.5), 2.0 / 3)).isCloseTo(0.6,
				org.assertj.core.api.Assertions.within(1e-12));
	}

	/**
	 * Trials rise by 0.001 per epoch from their base; the last one is flat. Worked by
	 * hand: at rung 1, trial 1 (0.201) is below the 2/3 quantile of {0.501}, trial 3
	 * (0.101) below that of {0.501, 0.201, 0.801} = 0.601, trial 5 (0.301) below 0.701;
	 * the flat trial (0.7) passes rung 1 (cutoff 0.601) and stops at rung 3 below 0.836.
	 */
	@Test
	void stopsTheTrialsBelowTheQuantileOfEarlierTrialsAtEachRung() throws InterruptedException {
		double[] bases = { 0.5, 0.2, 0.8, 0.1, 0.9, 0.3, 0.7 };
		SuccessiveHalving asha = new SuccessiveHalving(1, 27);
		List<Integer> epochsRun = new ArrayList<>();
		for (int trial = 0; trial < bases.length; trial++) {
			asha.started(trial);
			int epoch = 1;
			for (; epoch <= 27; epoch++) {
				double best = bases[trial] + ((trial == 6) ? 0 : 0.001 * epoch);
				if (asha.shouldStop(trial, epoch, best)) {
					break;
				}
			}
			asha.ended(trial);
			epochsRun.add(Math.min(epoch, 27));
		}
		assertThat(epochsRun).containsExactly(27, 1, 27, 1, 27, 1, 3);
	}

	@Test
	void aTrialWaitsForEarlierTrialsToReachTheRung() throws Exception {
		SuccessiveHalving asha = new SuccessiveHalving(1, 9);
		asha.started(0);
		asha.started(1);
		List<Boolean> decision = new ArrayList<>();
		Thread later = new Thread(() -> {
			try {
				decision.add(asha.shouldStop(1, 1, 0.1));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		later.start();
		later.join(200);
		assertThat(later.isAlive()).as("trial 1 waits for trial 0 at rung 1").isTrue();
		assertThat(asha.shouldStop(0, 1, 0.5)).isFalse();
		later.join(5000);
		assertThat(decision).containsExactly(true);
	}

}
