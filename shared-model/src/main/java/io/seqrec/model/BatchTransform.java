package io.seqrec.model;

import java.util.random.RandomGenerator;

import io.seqrec.data.BatchFields;
import io.seqrec.data.NegativeSampler;
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

	/**
	 * This transform, then another, with the same generator.
	 * @param next the transform applied second
	 * @return the composition
	 */
	default BatchTransform andThen(BatchTransform next) {
		return (batch, random) -> {
			apply(batch, random);
			next.apply(batch, random);
		};
	}

	/**
	 * RecBole's BPR negatives for prefix batches: one uniform item per row
	 * ({@link BatchFields#NEG_ITEM}), never the row's target ({@code RepeatableSampler}).
	 * @param numItems {@code n_items}, padding included
	 * @return the transform
	 */
	static BatchTransform uniformNegatives(int numItems) {
		return (batch, random) -> {
			int[] positives = batch.get(BatchFields.POS_ITEM);
			NegativeSampler sampler = new NegativeSampler(numItems, random);
			int[] negatives = new int[positives.length];
			for (int i = 0; i < positives.length; i++) {
				negatives[i] = sampler.uniformExcluding(positives[i]);
			}
			batch.put(BatchFields.NEG_ITEM, negatives, negatives.length);
		};
	}

}
