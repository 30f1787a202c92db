package io.seqrec.train;

/**
 * Progress callbacks of a training run (console output, service progress, metrics).
 */
public interface TrainingListener {

	/** A listener that ignores everything. */
	TrainingListener NONE = new TrainingListener() {
	};

	/**
	 * Called before the first epoch.
	 * @param trainableParameters number of trainable scalars
	 * @param batchesPerEpoch batches in one epoch
	 */
	default void onStart(long trainableParameters, int batchesPerEpoch) {
	}

	/**
	 * Called after each training batch.
	 * @param epoch the epoch
	 * @param batch 0-based batch index
	 * @param batches batches in the epoch
	 */
	default void onBatch(int epoch, int batch, int batches) {
	}

	/**
	 * Called after each epoch (and its validation, if any).
	 * @param report what the epoch did
	 */
	default void onEpoch(EpochReport report) {
	}

}
