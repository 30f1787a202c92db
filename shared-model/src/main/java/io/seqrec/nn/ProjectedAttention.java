package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;

/**
 * What RecBole's attention layers share ({@code MultiHeadAttention} and FEARec's
 * {@code HybridAttention}): the query, key and value projections {@code H x H}, scaled
 * dot-product attention with dropout on its probabilities, and the output projection with
 * dropout, residual and post-LayerNorm. Subclasses say how the context is formed.
 *
 * <p>
 * Letters: {@code B} batch, {@code L} key length, {@code Lq} query length, {@code H}
 * hidden size, {@code h} heads, {@code E = H / h} head size.
 */
abstract class ProjectedAttention extends AbstractBlock {

	private final int hiddenSize;

	private final int heads;

	private final Linear query;

	private final Linear key;

	private final Linear value;

	private final Linear dense;

	private final InvertedDropout attnDropout;

	private final InvertedDropout outDropout;

	private final LayerNorm layerNorm;

	/**
	 * Creates the shared layers.
	 * @param version the block version
	 * @param hiddenSize {@code H}
	 * @param heads {@code h}, must divide {@code H}
	 * @param hiddenDropout dropout after the output projection
	 * @param attnDropout dropout on the attention probabilities
	 * @param layerNormEps LayerNorm epsilon
	 * @param projectionSuffix appended to {@code query}, {@code key} and {@code value} in
	 * the child block names (RecBole's names differ between its two layers)
	 */
	ProjectedAttention(byte version, int hiddenSize, int heads, float hiddenDropout, float attnDropout,
			float layerNormEps, String projectionSuffix) {
		super(version);
		if (heads <= 0 || hiddenSize % heads != 0) {
			throw new IllegalArgumentException(
					"hidden_size (" + hiddenSize + ") is not divisible by n_heads (" + heads + ")");
		}
		this.hiddenSize = hiddenSize;
		this.heads = heads;
		this.query = addChildBlock("query" + projectionSuffix, Linear.builder().setUnits(hiddenSize).build());
		this.key = addChildBlock("key" + projectionSuffix, Linear.builder().setUnits(hiddenSize).build());
		this.value = addChildBlock("value" + projectionSuffix, Linear.builder().setUnits(hiddenSize).build());
		this.dense = addChildBlock("dense", Linear.builder().setUnits(hiddenSize).build());
		this.attnDropout = addChildBlock("attn_dropout", new InvertedDropout(attnDropout));
		this.outDropout = addChildBlock("out_dropout", new InvertedDropout(hiddenDropout));
		this.layerNorm = addChildBlock("layer_norm", LayerNorm.builder().axis(2).optEpsilon(layerNormEps).build());
	}

	final int hiddenSize() {
		return this.hiddenSize;
	}

	final int heads() {
		return this.heads;
	}

	final int headSize() {
		return this.hiddenSize / this.heads;
	}

	/** {@code x Wq + bq}: {@code [B, L, H]}. */
	final NDArray query(ParameterStore ps, NDArray x, boolean training) {
		return this.query.forward(ps, new NDList(x), training).head();
	}

	/** {@code x Wk + bk}: {@code [B, L, H]}. */
	final NDArray key(ParameterStore ps, NDArray x, boolean training) {
		return this.key.forward(ps, new NDList(x), training).head();
	}

	/** {@code x Wv + bv}: {@code [B, L, H]}. */
	final NDArray value(ParameterStore ps, NDArray x, boolean training) {
		return this.value.forward(ps, new NDList(x), training).head();
	}

	/**
	 * Scaled dot-product attention over heads, merged back into {@code [B, Lq, H]}:
	 * {@code DO(softmax(q k^T / sqrt(E) + mask)) v}.
	 * @param q {@code [B, h, Lq, E]}
	 * @param k {@code [B, h, L, E]}
	 * @param v {@code [B, h, L, E]}
	 * @param mask additive, broadcast to {@code [B, h, Lq, L]}
	 * @param training whether dropout acts
	 * @return {@code [B, Lq, H]}
	 */
	final NDArray attention(NDArray q, NDArray k, NDArray v, NDArray mask, boolean training) {
		long batch = q.getShape().get(0);
		long queryLength = q.getShape().get(2);
		// (B, h, Lq, E) x (B, h, E, L) -> (B, h, Lq, L)
		NDArray scores = Scalars.div(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(headSize())).add(mask);
		NDArray probs = this.attnDropout.apply(scores.softmax(-1), training);
		return probs.matMul(v) // (B, h, Lq, E)
			.transpose(0, 2, 1, 3)
			.reshape(batch, queryLength, this.hiddenSize);
	}

	/**
	 * The output projection with dropout, residual and post-LayerNorm:
	 * {@code LN(DO(context Wo + bo) + residual)}.
	 * @param ps the parameter store
	 * @param context {@code [B, Lq, H]}
	 * @param residual {@code [B, Lq, H]}
	 * @param training whether dropout acts
	 * @return {@code [B, Lq, H]}
	 */
	final NDArray output(ParameterStore ps, NDArray context, NDArray residual, boolean training) {
		NDArray out = this.outDropout.apply(this.dense.forward(ps, new NDList(context), training).head(), training);
		return this.layerNorm.forward(ps, new NDList(out.add(residual)), training).head();
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape x = inputShapes[0];
		for (Linear linear : new Linear[] { this.query, this.key, this.value, this.dense }) {
			linear.initialize(manager, dataType, x);
		}
		this.attnDropout.initialize(manager, dataType, x);
		this.outDropout.initialize(manager, dataType, x);
		this.layerNorm.initialize(manager, dataType, x);
	}

}
