package io.seqrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequenceSamples;
import io.seqrec.data.SequentialDataset;

/**
 * RecBole's {@code Pop} baseline: every user gets the same scores, the number of times
 * each item is the target of a training sample divided by the largest such count. It has
 * no trainable parameters; training is one counting pass.
 */
public final class Pop extends SequentialRecommender {

	/** Registry name. */
	public static final String NAME = "Pop";

	/** Everything the platform knows about Pop. */
	public static final ModelSpec<ModelSettings> SPEC = ModelSpec
		.builder(NAME, ModelSettings.class, (values) -> ModelSettings.NONE, (settings, context) -> new Pop(context))
		.optSummary("RecBole's popularity baseline: training-target counts, the same list for everyone")
		.build();

	private static final byte VERSION = 1;

	private final Parameter itemCount;

	/**
	 * Builds the baseline.
	 * @param context item count and sequence length
	 */
	public Pop(ModelContext context) {
		super(VERSION, context);
		this.itemCount = addParameter(Parameter.builder()
			.setName("item_cnt")
			.setType(Parameter.Type.OTHER)
			.optRequiresGrad(false)
			.optInitializer(Initializer.ZEROS)
			.optShape(new Shape(numItems()))
			.build());
	}

	@Override
	public String modelName() {
		return NAME;
	}

	@Override
	public ModelSettings settings() {
		return ModelSettings.NONE;
	}

	/**
	 * Pop is fitted in one counting pass over the training targets, in every training
	 * mode.
	 */
	@Override
	public TrainingTask trainingTask(TrainMode mode, SequentialDataset data) {
		return new TrainingTask.OnePass(() -> fit(data.train()));
	}

	/**
	 * Counts training targets, as RecBole's {@code Pop.calculate_loss} accumulates
	 * {@code item_cnt} over the training samples.
	 * @param train the training samples
	 */
	public void fit(SequenceSamples train) {
		float[] counts = new float[numItems()];
		for (int i = 0; i < train.size(); i++) {
			counts[train.target(i)]++;
		}
		this.itemCount.getArray().set(counts);
	}

	/**
	 * Training popularity of every item.
	 * @return counts indexed by item id
	 */
	public float[] counts() {
		return this.itemCount.getArray().toFloatArray();
	}

	@Override
	public NDArray calculateLoss(ParameterStore ps, NDList batch) {
		throw new UnsupportedOperationException("Pop is fitted by counting, not by gradient descent");
	}

	@Override
	public NDArray fullSortPredict(ParameterStore ps, NDList batch) {
		NDArray itemSeq = batch.get(BatchFields.ITEM_SEQ);
		NDArray counts = ps.getValue(this.itemCount, itemSeq.getDevice(), false); // (I)
		// the batch's array comes first so that every result belongs to the batch's
		// manager
		NDArray scores = itemSeq.getManager().zeros(new Shape(itemSeq.getShape().get(0), numItems())).add(counts);
		return scores.div(scores.max(new int[] { 1 }, true).maximum(1f)); // (B, I)
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		// no children
	}

}
