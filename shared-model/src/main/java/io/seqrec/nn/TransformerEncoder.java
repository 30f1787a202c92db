package io.seqrec.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A stack of {@code n_layers} post-LN transformer layers (attention then feed-forward),
 * as RecBole's {@code TransformerEncoder}. The attention block of each layer is pluggable
 * so that FEARec's hybrid attention reuses the stack. Input {@code (x [B, L, H], mask)},
 * output the last layer {@code [B, L, H]}.
 */
public final class TransformerEncoder extends AbstractBlock {

	private static final byte VERSION = 1;

	private final List<Block> attentions = new ArrayList<>();

	private final List<FeedForward> feedForwards = new ArrayList<>();

	/**
	 * Creates the stack.
	 * @param attentions one attention block per layer, taking {@code (x, mask)}
	 * @param feedForwards one feed-forward block per layer
	 */
	public TransformerEncoder(List<? extends Block> attentions, List<FeedForward> feedForwards) {
		super(VERSION);
		if (attentions.isEmpty() || attentions.size() != feedForwards.size()) {
			throw new IllegalArgumentException("n_layers must be positive");
		}
		for (int i = 0; i < attentions.size(); i++) {
			this.attentions.add(addChildBlock("layer_" + i + "_attention", attentions.get(i)));
			this.feedForwards.add(addChildBlock("layer_" + i + "_feed_forward", feedForwards.get(i)));
		}
	}

	/**
	 * The standard RecBole encoder of multi-head attention layers.
	 * @param layers {@code n_layers}
	 * @param hiddenSize {@code hidden_size}
	 * @param heads {@code n_heads}
	 * @param innerSize {@code inner_size}
	 * @param hiddenDropout {@code hidden_dropout_prob}
	 * @param attnDropout {@code attn_dropout_prob}
	 * @param activation {@code hidden_act}
	 * @param layerNormEps {@code layer_norm_eps}
	 * @return the encoder
	 */
	public static TransformerEncoder standard(int layers, int hiddenSize, int heads, int innerSize, float hiddenDropout,
			float attnDropout, HiddenActivation activation, float layerNormEps) {
		List<MultiHeadAttention> attentions = new ArrayList<>();
		List<FeedForward> feedForwards = new ArrayList<>();
		for (int i = 0; i < layers; i++) {
			attentions.add(new MultiHeadAttention(hiddenSize, heads, hiddenDropout, attnDropout, layerNormEps));
			feedForwards.add(new FeedForward(hiddenSize, innerSize, activation, hiddenDropout, layerNormEps));
		}
		return new TransformerEncoder(attentions, feedForwards);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		NDArray x = inputs.get(0);
		NDArray mask = inputs.get(1);
		for (int i = 0; i < this.attentions.size(); i++) {
			x = this.attentions.get(i).forward(ps, new NDList(x, mask), training).head();
			x = this.feedForwards.get(i).forward(ps, new NDList(x), training).head();
		}
		return new NDList(x);
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		for (int i = 0; i < this.attentions.size(); i++) {
			this.attentions.get(i).initialize(manager, dataType, inputShapes);
			this.feedForwards.get(i).initialize(manager, dataType, inputShapes[0]);
		}
	}

}
