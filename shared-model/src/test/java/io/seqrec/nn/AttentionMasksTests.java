package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionMasksTests {

	private static final float M = AttentionMasks.MASKED;

	@Test
	void causalMaskAllowsEarlierRealItemsOnly() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray seq = manager.create(new long[][] { { 7, 4, 0 } });
			NDArray mask = AttentionMasks.causal(seq);
			assertThat(mask.getShape().getShape()).containsExactly(1, 1, 3, 3);
			assertThat(mask.toFloatArray()).containsExactly( //
					0, M, M, // query 0 sees item 0
					0, 0, M, // query 1 sees items 0..1
					0, 0, M); // query 2 (padding) sees the real items, never the padding
								// key
		}
	}

	@Test
	void bidirectionalMaskHidesPaddingKeysOnly() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray seq = manager.create(new long[][] { { 7, 9, 0 }, { 5, 0, 0 } });
			NDArray mask = AttentionMasks.bidirectional(seq);
			assertThat(mask.getShape().getShape()).containsExactly(2, 1, 1, 3);
			assertThat(mask.toFloatArray()).containsExactly(0, 0, M, 0, M, M);
		}
	}

}
