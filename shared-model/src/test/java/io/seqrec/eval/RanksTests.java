package io.seqrec.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RanksTests {

	@Test
	void ranksTheTargetAmongAllItemsWithPaddingLast() {
		try (NDManager manager = NDManager.newBaseManager()) {
			// column 0 is padding: its huge score must not count
			NDArray scores = manager.create(new float[][] { { 99f, 0.1f, 0.9f, 0.5f, 0.7f }, // target
																								// 3
																								// ->
																								// rank
																								// 3
					{ 99f, 0.1f, 0.9f, 0.5f, 0.7f }, // target 2 -> rank 1
					{ 99f, 0.1f, 0.9f, 0.5f, 0.7f } }); // target 1 -> rank 4
			NDArray targets = manager.create(new long[] { 3, 2, 1 });
			assertThat(Ranks.of(scores, targets)).containsExactly(3, 1, 4);
		}
	}

	@Test
	void breaksTiesByItemIdNeverOptimistically() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray scores = manager
				.create(new float[][] { { 0f, 0.5f, 0.5f, 0.5f, 0.9f }, { 0f, 0.5f, 0.5f, 0.5f, 0.9f } });
			// item 3 ties with items 1 and 2 (smaller ids rank first) behind item 4
			assertThat(Ranks.of(scores, manager.create(new long[] { 3, 1 }))).containsExactly(4, 2);
		}
	}

	@Test
	void excludedItemsRankLast() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray scores = manager.create(new float[][] { { 0f, 0.9f, 0.8f, 0.1f } });
			NDArray history = manager.create(new long[][] { { 1, 2, 0 } });
			assertThat(Ranks.of(scores, manager.create(new long[] { 3 }), history)).containsExactly(1);
			assertThat(Ranks.of(scores, manager.create(new long[] { 3 }))).containsExactly(3);
		}
	}

	@Test
	void refusesNaNScores() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray scores = manager.create(new float[][] { { 0f, Float.NaN, Float.NaN } });
			assertThatIllegalStateException().isThrownBy(() -> Ranks.of(scores, manager.create(new long[] { 1 })))
				.withMessageContaining("NaN");
		}
	}

}
