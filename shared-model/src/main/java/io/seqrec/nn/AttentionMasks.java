package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * Additive attention masks as RecBole builds them ({@code get_attention_mask}): {@code 0}
 * where attention is allowed, {@code -10000} elsewhere (not minus infinity), added to the
 * scores before the softmax.
 */
public final class AttentionMasks {

	/** The additive value of a masked position. */
	public static final float MASKED = -10000f;

	private AttentionMasks() {
	}

	/**
	 * Causal and padding mask (SASRec, FEARec): query {@code i} may attend key {@code j}
	 * when {@code j <= i} and item {@code j} is not padding. Query rows at padding
	 * positions are not masked; their outputs are never read.
	 * @param itemSeq item ids {@code [B, L]}, 0 = padding
	 * @return the additive mask {@code [B, 1, L, L]}, owned by {@code itemSeq}'s manager
	 */
	public static NDArray causal(NDArray itemSeq) {
		long length = itemSeq.getShape().get(1);
		NDManager manager = itemSeq.getManager();
		NDArray positions = manager.arange(length).toType(DataType.INT64, false);
		NDArray lowerTriangle = positions.reshape(1, length).lte(positions.reshape(length, 1)); // (L,
																								// L)
		NDArray keyAllowed = itemSeq.neq(0).reshape(-1, 1, 1, length); // (B, 1, 1, L)
		return additive(keyAllowed.logicalAnd(lowerTriangle)); // (B, 1, L, L)
	}

	/**
	 * Bidirectional padding mask (BERT4Rec): every query may attend every non-padding
	 * key.
	 * @param itemSeq item ids {@code [B, L]}, 0 = padding (the mask token is not 0)
	 * @return the additive mask {@code [B, 1, 1, L]}, owned by {@code itemSeq}'s manager
	 */
	public static NDArray bidirectional(NDArray itemSeq) {
		long length = itemSeq.getShape().get(1);
		return additive(itemSeq.neq(0).reshape(-1, 1, 1, length));
	}

	private static NDArray additive(NDArray allowed) {
		// allowed -> 0, masked -> -10000
		return allowed.toType(DataType.FLOAT32, false).sub(1f).mul(-MASKED);
	}

}
