package io.seqrec.train;

/**
 * Progress callbacks of a training run (console output, service progress, metrics), and
 * the run's one way to be told to stop early ({@link #stopRequested}).
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

	/**
	 * Asked after every batch and after every {@link #onEpoch} but the last: true ends
	 * training there, as if the epoch budget were spent. The best checkpoint so far is
	 * restored and tested (a run stopped before its first validation is validated as it
	 * stands), an epoch cut short is neither counted nor reported, and the outcome says
	 * it was stopped. A scheduler that stops unpromising runs (successive halving) or a
	 * time budget answers here; to abandon a run without any result, throw from
	 * {@link #onBatch} instead.
	 * @return whether the run should stop now
	 */
	default boolean stopRequested() {
		return false;
	}

}
