package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BERT's prediction-head transform, as RecBole's BERT4Rec applies it to the encoder
 * output before scoring: {@code LN(gelu(x W + b))} with the exact erf GELU. Input and
 * output are rows {@code [N, H]}; the children are {@code ffn} (the dense layer) and
 * {@code ln}.
 */
public final class PredictionHead extends AbstractBlock {

	private static final byte VERSION = 1;

	private final int hiddenSize;

	private final Linear ffn;

	private final LayerNorm ln;

	/**
	 * Creates the head.
	 * @param hiddenSize {@code H}
	 * @param layerNormEps LayerNorm epsilon
	 */
	public PredictionHead(int hiddenSize, float layerNormEps) {
		super(VERSION);
		this.hiddenSize = hiddenSize;
		this.ffn = addChildBlock("ffn", Linear.builder().setUnits(hiddenSize).build());
		this.ln = addChildBlock("ln", LayerNorm.builder().axis(1).optEpsilon(layerNormEps).build());
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = this.ffn.forward(ps, inputs, training).head(); // (N, H)
		return this.ln.forward(ps, new NDList(Activation.gelu(x)), training);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape rows = new Shape(1, this.hiddenSize);
		this.ffn.initialize(manager, dataType, rows);
		this.ln.initialize(manager, dataType, rows);
	}

}
