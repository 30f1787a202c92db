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
public final class MultiHeadAttention extends AbstractBlock {

	private static final byte VERSION = 1;

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
	 * Creates the block.
	 * @param hiddenSize {@code H}
	 * @param heads {@code h}, must divide {@code H}
	 * @param hiddenDropout dropout after the output projection
	 * @param attnDropout dropout on the attention probabilities
	 * @param layerNormEps LayerNorm epsilon
	 */
	public MultiHeadAttention(int hiddenSize, int heads, float hiddenDropout, float attnDropout, float layerNormEps) {
		super(VERSION);
		if (heads <= 0 || hiddenSize % heads != 0) {
			throw new IllegalArgumentException(
					"hidden_size (" + hiddenSize + ") is not divisible by n_heads (" + heads + ")");
		}
		this.hiddenSize = hiddenSize;
		this.heads = heads;
		this.query = addChildBlock("query", Linear.builder().setUnits(hiddenSize).build());
		this.key = addChildBlock("key", Linear.builder().setUnits(hiddenSize).build());
		this.value = addChildBlock("value", Linear.builder().setUnits(hiddenSize).build());
		this.dense = addChildBlock("dense", Linear.builder().setUnits(hiddenSize).build());
		this.attnDropout = addChildBlock("attn_dropout", new InvertedDropout(attnDropout));
		this.outDropout = addChildBlock("out_dropout", new InvertedDropout(hiddenDropout));
		this.layerNorm = addChildBlock("layer_norm", LayerNorm.builder().axis(2).optEpsilon(layerNormEps).build());
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.get(0); // (B, L, H)
		NDArray mask = inputs.get(1); // (B, 1, Lq|1, L)
		NDArray queries = (inputs.size() > 2) ? inputs.get(2) : x; // (B, Lq, H)
		long batch = x.getShape().get(0);
		long length = x.getShape().get(1);
		long queryLength = queries.getShape().get(1);
		int headSize = this.hiddenSize / this.heads;
		NDArray q = heads(this.query.forward(ps, new NDList(queries), training).head(), batch, queryLength, headSize);
		NDArray k = heads(this.key.forward(ps, new NDList(x), training).head(), batch, length, headSize);
		NDArray v = heads(this.value.forward(ps, new NDList(x), training).head(), batch, length, headSize);
		// (B, h, Lq, E) x (B, h, E, L) -> (B, h, Lq, L)
		NDArray scores = Scalars.div(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(headSize)).add(mask);
		NDArray probs = scores.softmax(-1);
		probs = this.attnDropout.apply(probs, training);
		NDArray context = probs.matMul(v) // (B, h, Lq, E)
			.transpose(0, 2, 1, 3)
			.reshape(batch, queryLength, this.hiddenSize); // (B, Lq, H)
		NDArray out = this.dense.forward(ps, new NDList(context), training).head();
		out = this.outDropout.apply(out, training);
		return this.layerNorm.forward(ps, new NDList(out.add(queries)), training);
	}

	private NDArray heads(NDArray x, long batch, long length, int headSize) {
		return x.reshape(batch, length, this.heads, headSize).transpose(0, 2, 1, 3); // (B,
																						// h,
																						// L,
																						// E)
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[(inputShapes.length > 2) ? 2 : 0] };
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
