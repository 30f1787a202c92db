package io.seqrec.model;

import java.util.Map;
import java.util.random.RandomGenerator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

/**
 * The contract of every sequence model, after RecBole's {@code SequentialRecommender}: a
 * training loss for a batch, and scores of all items for a batch of sequences.
 *
 * <p>
 * As a DJL block, {@code forward(ps, data, labels)} returns the training loss (so DJL's
 * {@code Trainer.forward(data, labels)} trains it; a batch with
 * {@link BatchFields#TARGET_SEQ} takes the {@code all_positions} loss) and
 * {@code forward(ps, inputs, false)} returns full-sort scores {@code [B, n_items]} (so a
 * plain predictor serves it). Inputs are named arrays ({@link BatchFields}); the padding
 * column is not masked here, the evaluator does that.
 */
public abstract class SequentialRecommender extends AbstractBlock {

	/**
	 * Creates the block.
	 * @param version the serialization version of the concrete model's parameter layout
	 */
	protected SequentialRecommender(byte version) {
		super(version);
	}

	/**
	 * The model's registry name ({@code SASRec}).
	 * @return the name
	 */
	public abstract String modelName();

	/**
	 * RecBole's {@code n_items}: number of scored columns, padding included.
	 * @return {@code I}
	 */
	public abstract int numItems();

	/**
	 * {@code MAX_ITEM_LIST_LENGTH}.
	 * @return {@code L}
	 */
	public abstract int maxSeqLength();

	/**
	 * Every hyper-parameter that rebuilds this model (written into artifacts).
	 * @return hyper-parameters by RecBole key
	 */
	public abstract Map<String, Object> hyperParameters();

	/**
	 * RecBole's {@code calculate_loss}: the mean training loss of a batch, in training
	 * mode.
	 * @param ps the parameter store
	 * @param batch named arrays of a training batch
	 * @return a scalar
	 */
	public abstract NDArray calculateLoss(ParameterStore ps, NDList batch);

	/**
	 * RecBole's {@code full_sort_predict}: scores of every item for each sequence, eval
	 * mode.
	 * @param ps the parameter store
	 * @param batch named arrays with at least {@link BatchFields#ITEM_SEQ} and
	 * {@link BatchFields#ITEM_SEQ_LEN}
	 * @return scores {@code [B, n_items]}
	 */
	public abstract NDArray fullSortPredict(ParameterStore ps, NDList batch);

	/**
	 * Adds what the loss needs beyond history and target to a training batch (negatives,
	 * masks, augmented sequences). Runs in Java with a seeded generator. The default adds
	 * nothing.
	 * @param batch the batch to complete
	 * @param random the seeded generator of the training run
	 */
	public void prepareTrainBatch(SequenceBatch batch, RandomGenerator random) {
	}

	/**
	 * How many terms the mean loss of a batch averages over, so that a batch computed in
	 * chunks weights each chunk's mean by its share: rows by default, target positions in
	 * {@code all_positions} batches.
	 * @param batch a prepared training batch (or chunk)
	 * @return the number of loss terms
	 */
	public double lossTerms(SequenceBatch batch) {
		if (batch.has(BatchFields.TARGET_SEQ)) {
			int terms = 0;
			for (int target : batch.get(BatchFields.TARGET_SEQ)) {
				terms += (target != 0) ? 1 : 0;
			}
			return terms;
		}
		return batch.size();
	}

	/**
	 * Whether a batch's loss is the weighted mean of its chunks' losses, so that a large
	 * batch can be computed in chunks with accumulated gradients (false for losses that
	 * compare rows of the batch with each other, such as contrastive ones).
	 * @return true if chunking leaves the gradient unchanged
	 */
	public boolean supportsChunking() {
		return true;
	}

	/**
	 * Whether the model learns by gradient descent ({@code Pop} counts instead).
	 * @return true for neural models
	 */
	public boolean isTrainable() {
		return true;
	}

	/**
	 * Whether the model supports {@code train_mode: all_positions} (a loss at every
	 * position of a causal encoder's output).
	 * @return true if {@link #calculateAllPositionsLoss} is implemented
	 */
	public boolean supportsAllPositions() {
		return false;
	}

	/**
	 * The {@code all_positions} training loss: next-item loss at every real position of
	 * each window ({@link BatchFields#TARGET_SEQ}), averaged over positions.
	 * @param ps the parameter store
	 * @param batch named arrays of a window batch
	 * @return a scalar
	 */
	public NDArray calculateAllPositionsLoss(ParameterStore ps, NDList batch) {
		throw new UnsupportedOperationException(modelName() + " does not support train_mode all_positions");
	}

	/**
	 * Adds what the {@code all_positions} loss needs beyond inputs and targets (negatives
	 * per position for BPR).
	 * @param batch the batch to complete
	 * @param random the seeded generator of the training run
	 */
	public void prepareAllPositionsBatch(SequenceBatch batch, RandomGenerator random) {
	}

	/**
	 * Input shapes for {@code initialize}: history {@code [B, L]} and lengths
	 * {@code [B]}.
	 * @return the shapes for a batch of one
	 */
	public Shape[] initializationShapes() {
		return new Shape[] { new Shape(1, maxSeqLength()), new Shape(1) };
	}

	/**
	 * Stops (or resumes) gradient recording on every trainable parameter. Evaluation and
	 * serving freeze the model so that no thread records an autograd graph, whatever the
	 * engine's thread-local grad mode.
	 * @param frozen true to stop recording
	 */
	public void setFrozen(boolean frozen) {
		for (Pair<String, Parameter> pair : getParameters()) {
			Parameter parameter = pair.getValue();
			if (parameter.requiresGradient() && parameter.isInitialized()) {
				parameter.getArray().setRequiresGradient(!frozen);
			}
		}
	}

	/**
	 * Number of trainable scalars, as RecBole logs "Trainable parameters".
	 * @return the count
	 */
	public long trainableParameterCount() {
		long count = 0;
		for (Pair<String, Parameter> pair : getParameters()) {
			if (pair.getValue().requiresGradient()) {
				count += pair.getValue().getArray().getShape().size();
			}
		}
		return count;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		return new NDList(training ? calculateLoss(ps, inputs) : fullSortPredict(ps, inputs));
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList data, NDList labels, PairList<String, Object> params) {
		if (data.contains(BatchFields.TARGET_SEQ)) {
			return new NDList(calculateAllPositionsLoss(ps, data));
		}
		return new NDList(calculateLoss(ps, data));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), numItems()) };
	}

	/**
	 * Gathers each row's hidden state at a position, RecBole's {@code gather_indexes}.
	 * @param output the encoder output {@code [B, L, H]}
	 * @param positions the position per row {@code [B]} (int64)
	 * @return {@code [B, H]}
	 */
	protected static NDArray gatherIndexes(NDArray output, NDArray positions) {
		long batch = output.getShape().get(0);
		long hidden = output.getShape().get(2);
		NDArray index = positions.reshape(batch, 1, 1).broadcast(batch, 1, hidden);
		return output.gather(index, 1).reshape(batch, hidden);
	}

}
