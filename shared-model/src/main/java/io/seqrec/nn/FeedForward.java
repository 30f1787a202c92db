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
 * Position-wise feed-forward block with residual and post-LayerNorm, as RecBole's
 * {@code FeedForward}: {@code LN(DO(act(x W1 + b1) W2 + b2) + x)},
 * {@code W1: H -> inner}, {@code W2: inner -> H}. There is no dropout after the
 * activation. Intermediates are freed when the forward pass returns.
 */
public final class FeedForward extends AbstractBlock {

	private static final byte VERSION = 1;

	private final HiddenActivation activation;

	private final Linear dense1;

	private final Linear dense2;

	private final InvertedDropout dropout;

	private final LayerNorm layerNorm;

	/**
	 * Creates the block.
	 * @param hiddenSize {@code H}
	 * @param innerSize the inner width
	 * @param activation the {@code hidden_act}
	 * @param hiddenDropout dropout after {@code W2}
	 * @param layerNormEps LayerNorm epsilon
	 */
	public FeedForward(int hiddenSize, int innerSize, HiddenActivation activation, float hiddenDropout,
			float layerNormEps) {
		super(VERSION);
		this.activation = activation;
		this.dense1 = addChildBlock("dense_1", Linear.builder().setUnits(innerSize).build());
		this.dense2 = addChildBlock("dense_2", Linear.builder().setUnits(hiddenSize).build());
		this.dropout = addChildBlock("dropout", new InvertedDropout(hiddenDropout));
		this.layerNorm = addChildBlock("layer_norm", LayerNorm.builder().axis(2).optEpsilon(layerNormEps).build());
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		// the intermediates live in a scope closed on return: autograd keeps what it
		// needs
		try (NDManager scope = inputs.head().getManager().newSubManager()) {
			scope.tempAttachAll(inputs);
			NDArray x = inputs.head(); // (B, L, H)
			// (B, L, inner)
			NDArray inner = this.activation.apply(this.dense1.forward(ps, new NDList(x), training).head());
			// (B, L, H)
			NDArray out = this.dense2.forward(ps, new NDList(inner), training).head();
			out = this.dropout.apply(out, training);
			return new NDList(scope.ret(this.layerNorm.forward(ps, new NDList(out.add(x)), training).head()));
		}
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape x = inputShapes[0];
		this.dense1.initialize(manager, dataType, x);
		this.dense2.initialize(manager, dataType, this.dense1.getOutputShapes(new Shape[] { x })[0]);
		this.dropout.initialize(manager, dataType, x);
		this.layerNorm.initialize(manager, dataType, x);
	}

}
