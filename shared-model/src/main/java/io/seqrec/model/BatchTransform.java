package io.seqrec.model;

import java.util.random.RandomGenerator;

import io.seqrec.data.SequenceBatch;

/**
 * Completes a training batch on the Java side before it becomes native arrays: negatives
 * for BPR, BERT4Rec's cloze masks, FEARec's same-target rows. Every random draw comes
 * from the run's seeded generator, so a run is reproducible.
 */
@FunctionalInterface
public interface BatchTransform {

	/** Adds nothing. */
	BatchTransform NONE = (batch, random) -> {
	};

	/**
	 * Adds fields to (or replaces fields of) a batch.
	 * @param batch the batch to complete
	 * @param random the seeded generator of the training run
	 */
	void apply(SequenceBatch batch, RandomGenerator random);

}
