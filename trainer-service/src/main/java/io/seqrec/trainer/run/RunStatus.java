package io.seqrec.trainer.run;

/**
 * Where a training run is.
 */
public enum RunStatus {

	/** Reading the sequences from Redis. */
	SNAPSHOT,
	/** Filtering and splitting. */
	PREPARING,
	/** Training epochs. */
	TRAINING,
	/** Writing the artifact and deciding whether it goes live. */
	PUBLISHING,
	/** Published and live (or kept behind a pinned version). */
	SUCCEEDED,
	/** Published but refused by the gate: kept, not deployed. */
	REFUSED,
	/** Stopped on request. */
	CANCELLED,
	/** Failed; the live model is untouched. */
	FAILED;

	/**
	 * Whether the run is over.
	 * @return true for the final states
	 */
	public boolean isFinal() {
		return this == SUCCEEDED || this == REFUSED || this == CANCELLED || this == FAILED;
	}

}
