package io.seqrec.tune;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchAlgorithmTests {

	private static SearchSpace space(String text) {
		return ParamsFile.parse(text, "hyper.test", (warning) -> {
		});
	}

	private static final String SASREC_GRID = String.join("\n", "learning_rate choice [0.01,0.005,0.001,0.0005,0.0001]",
			"attn_dropout_prob choice [0.2, 0.5]", "hidden_dropout_prob choice [0.2, 0.5]", "n_heads choice [1, 2]",
			"n_layers choice [1,2,3]");

	@Test
	void exhaustiveCoversTheGridWithoutRepeatingInRandomOrder() {
		SearchSpace space = space(SASREC_GRID);
		assertThat(space.gridSize()).isEqualTo(120);
		SearchAlgorithm exhaustive = SearchAlgorithm.named("exhaustive", space, 2020);
		Set<List<Double>> seen = new HashSet<>();
		List<List<Double>> order = new ArrayList<>();
		for (int trial = 0; trial < 120; trial++) {
			double[] point = exhaustive.propose(trial, List.of(), new SplittableRandom(trial));
			List<Double> key = new ArrayList<>();
			for (double coordinate : point) {
				key.add(coordinate);
			}
			assertThat(seen.add(key)).as("trial %d repeats %s", trial, key).isTrue();
			order.add(key);
		}
		assertThat(seen).hasSize(120);
		// random order, not the grid's: fewer than half the trials are in grid order
		int ascending = 0;
		for (int i = 1; i < order.size(); i++) {
			ascending += (cell(order.get(i)) > cell(order.get(i - 1))) ? 1 : 0;
		}
		assertThat(ascending).isBetween(30, 90);
		assertThatThrownBy(() -> exhaustive.propose(120, List.of(), new SplittableRandom(1)))
			.hasMessageContaining("exhausted");
	}

	private static int cell(List<Double> point) {
		int cell = 0;
		for (double coordinate : point) {
			cell = cell * 5 + (int) coordinate;
		}
		return cell;
	}

	@Test
	void exhaustiveDrawsTheOtherDimensionsAfreshAndIsSeeded() {
		SearchSpace space = space("n choice [1,2,3]\np uniform 0,1");
		List<Double> first = new ArrayList<>();
		List<Double> second = new ArrayList<>();
		SearchAlgorithm a = SearchAlgorithm.named("exhaustive", space, 7);
		SearchAlgorithm b = SearchAlgorithm.named("exhaustive", space, 7);
		for (int trial = 0; trial < 3; trial++) {
			double[] pa = a.propose(trial, List.of(), new SplittableRandom(100 + trial));
			double[] pb = b.propose(trial, List.of(), new SplittableRandom(100 + trial));
			assertThat(pa).containsExactly(pb);
			first.add(pa[0]);
			second.add(pa[1]);
		}
		assertThat(first).containsExactlyInAnyOrder(0.0, 1.0, 2.0);
		assertThat(new HashSet<>(second)).hasSize(3);
	}

	@Test
	void exhaustiveOfASpaceWithoutChoicesRunsOnce() {
		assertThat(space("p uniform 0,1").gridSize()).isEqualTo(1);
	}

	@Test
	void unknownAlgorithmsAreRefusedAsRecBoleDoes() {
		assertThatThrownBy(() -> SearchAlgorithm.named("grid", space(SASREC_GRID), 1))
			.hasMessageStartingWith("Illegal algo [grid]");
	}

	@Test
	void linearForgettingMatchesHyperopt() {
		assertThat(TreeParzenEstimator.forgettingWeights(25)).containsOnly(1.0);
		double[] weights = TreeParzenEstimator.forgettingWeights(30);
		// numpy.linspace(1/30, 1, 5) then 25 ones
		assertThat(weights[0]).isEqualTo(1.0 / 30);
		assertThat(weights[4]).isEqualTo(1.0);
		assertThat(weights[2]).isCloseTo((1.0 / 30 + 1.0) / 2, org.assertj.core.api.Assertions.within(1e-12));
		assertThat(TreeParzenEstimator.forgettingWeights(26)[0]).isEqualTo(1.0 / 26);
	}

	@Test
	void complementaryErrorFunctionIsAccurate() {
		// erfc(0) = 1, erfc(1) = 0.157299207050285, erfc(3) = 2.20904969985854e-5
		assertThat(ParzenMixture.erfc(0)).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-7));
		assertThat(ParzenMixture.erfc(1)).isCloseTo(0.157299207050285,
				org.assertj.core.api.Assertions.withinPercentage(1e-4));
		assertThat(ParzenMixture.erfc(3)).isCloseTo(2.20904969985854e-5,
				org.assertj.core.api.Assertions.withinPercentage(1e-4));
		assertThat(ParzenMixture.erfc(-1)).isCloseTo(2 - 0.157299207050285,
				org.assertj.core.api.Assertions.within(1e-7));
	}

}
