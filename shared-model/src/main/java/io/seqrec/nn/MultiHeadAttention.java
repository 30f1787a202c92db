package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head self-attention with residual and post-LayerNorm, as RecBole's
 * {@code MultiHeadAttention} (Vaswani et al., 2017,
 * <a href="https://arxiv.org/abs/1706.03762"> arXiv:1706.03762</a>).
 *
 * <p>
 * Letters: {@code B} batch, {@code L} sequence length, {@code H} hidden size, {@code h}
 * heads, {@code E = H / h} head size. Input {@code (x [B, L, H], mask [B, 1, L|1, L])},
 * output {@code [B, L, H]}: {@code LN(DO(softmax(QK^T / sqrt(E) + mask) V Wo) + x)} with
 * dropout on the attention probabilities as well.
 *
 * <p>
 * An optional third input {@code queries [B, Lq, H]} takes the queries (and the residual)
 * from those rows instead of {@code x}, with a mask {@code [B, 1, Lq|1, L]}; the output
 * is then {@code [B, Lq, H]}. Inference uses it to run the last layer at the last
 * position only, the one whose output is read.
 */
public final class MultiHeadAttention extends ProjectedAttention {

	private static final byte VERSION = 1;

	/**
	 * Creates the block.
	 * @param hiddenSize {@code H}
	 * @param heads {@code h}, must divide {@code H}
	 * @param hiddenDropout dropout after the output projection
	 * @param attnDropout dropout on the attention probabilities
	 * @param layerNormEps LayerNorm epsilon
	 */
	public MultiHeadAttention(int hiddenSize, int heads, float hiddenDropout, float attnDropout, float layerNormEps) {
		super(VERSION, hiddenSize, heads, hiddenDropout, attnDropout, layerNormEps, "");
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.get(0); // (B, L, H)
		NDArray mask = inputs.get(1); // (B, 1, Lq|1, L)
		NDArray queries = (inputs.size() > 2) ? inputs.get(2) : x; // (B, Lq, H)
		NDArray q = heads(query(ps, queries, training));
		NDArray k = heads(key(ps, x, training));
		NDArray v = heads(value(ps, x, training));
		// (B, Lq, H)
		NDArray context = attention(q, k, v, mask, training);
		return new NDList(output(ps, context, queries, training));
	}

	/** {@code [B, L, H]} to {@code [B, h, L, E]}. */
	private NDArray heads(NDArray x) {
		return x.reshape(x.getShape().get(0), x.getShape().get(1), heads(), headSize()).transpose(0, 2, 1, 3);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[(inputShapes.length > 2) ? 2 : 0] };
	}

}
