package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Inverted dropout, {@code torch.nn.Dropout}'s semantics: in training each element is
 * kept with probability {@code 1 - rate} and scaled by {@code 1 / (1 - rate)}; in
 * evaluation it is the identity.
 *
 * <p>
 * The keep mask is drawn as {@code uniform(0, 1) >= rate}, which has the same
 * distribution as the Bernoulli draw of {@code torch.dropout} but costs about a third on
 * CPU: libtorch's CPU Bernoulli sampler is scalar, its uniform sampler is not. SASRec
 * applies dropout to about a million elements per forward pass, so this is a measurable
 * share of a training step. The uniform numbers come from {@link EngineRandom}, so a
 * run's masks depend on its own seed even when other runs train in the same process.
 */
public final class InvertedDropout extends AbstractBlock {

	private static final byte VERSION = 1;

	private final float rate;

	/**
	 * Creates the block.
	 * @param rate the probability of zeroing an element, in {@code [0, 1)}
	 */
	public InvertedDropout(float rate) {
		super(VERSION);
		if (rate < 0 || rate >= 1) {
			throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + rate);
		}
		this.rate = rate;
	}

	/**
	 * Applies dropout to one array.
	 * @param x the input
	 * @param training whether dropout is active
	 * @return the input itself in evaluation, else a new array owned by the input's
	 * manager
	 */
	public NDArray apply(NDArray x, boolean training) {
		if (!training || this.rate == 0f) {
			return x;
		}
		// the mask needs no gradient: one multiplication is all autograd records
		NDArray keep = EngineRandom.uniform(x.getManager(), x.getShape()).gte(this.rate);
		NDArray mask = Scalars.mul(keep.toType(x.getDataType(), false), 1f / (1f - this.rate));
		return x.mul(mask);
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		return new NDList(apply(inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		// no children
	}

}
