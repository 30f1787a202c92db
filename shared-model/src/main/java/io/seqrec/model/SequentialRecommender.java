package io.seqrec.model;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequentialDataset;

/**
 * The contract of every sequence model, after RecBole's {@code SequentialRecommender}: a
 * training loss for a batch, and scores of all items for a batch of sequences.
 *
 * <p>
 * As a DJL block, {@code forward(ps, data, labels)} returns the training loss of a batch
 * from the model's {@link TrainingTask} (so DJL's {@code Trainer.forward(data, labels)}
 * trains it) and {@code forward(ps, inputs, false)} returns full-sort scores
 * {@code [B, n_items]} (so a plain predictor serves it). Inputs are named arrays
 * ({@link BatchFields}); the padding column is not masked here, the evaluator does that.
 * What surrounds a model (its settings, defaults, supported training modes and factory)
 * is its {@link ModelSpec}.
 */
public abstract class SequentialRecommender extends AbstractBlock {

	private final int numItems;

	private final int maxSeqLength;

	/**
	 * Creates the block.
	 * @param version the serialization version of the concrete model's parameter layout
	 * @param context the catalogue size and sequence length the model is built for
	 */
	protected SequentialRecommender(byte version, ModelContext context) {
		super(version);
		this.numItems = context.numItems();
		this.maxSeqLength = context.maxSeqLength();
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
	public final int numItems() {
		return this.numItems;
	}

	/**
	 * {@code MAX_ITEM_LIST_LENGTH}.
	 * @return {@code L}
	 */
	public final int maxSeqLength() {
		return this.maxSeqLength;
	}

	/**
	 * The model's settings, bound from its configuration by its {@link ModelSpec}.
	 * @return the settings
	 */
	public abstract ModelSettings settings();

	/**
	 * Every hyper-parameter that rebuilds this model, under its RecBole key (written into
	 * artifacts).
	 * @return hyper-parameters by key
	 */
	public Map<String, Object> hyperParameters() {
		return settings().toMap();
	}

	/**
	 * How the model learns under a training mode: its samples, their batches and the
	 * transform that completes each batch, or a one-pass fit. The registry only asks for
	 * the modes the model's {@link ModelSpec} supports.
	 * @param mode the configured {@code train_mode}
	 * @param data the prepared dataset
	 * @return the task
	 */
	public abstract TrainingTask trainingTask(TrainMode mode, SequentialDataset data);

	/**
	 * RecBole's {@code calculate_loss}: the mean training loss of a batch built by this
	 * model's {@link TrainingTask}, in training mode.
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
