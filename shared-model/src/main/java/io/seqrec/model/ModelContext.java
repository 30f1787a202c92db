package io.seqrec.model;

import org.jspecify.annotations.Nullable;

import io.seqrec.data.SequenceSamples;

/**
 * What a model needs to know about the data to be built.
 *
 * @param numItems RecBole's {@code n_items}: distinct items + 1 (id 0 is padding)
 * @param maxSeqLength {@code MAX_ITEM_LIST_LENGTH} ({@code L})
 * @param train the training samples, for models that sample from them during training
 * (FEARec's same-target augmentation); null when only scoring
 */
public record ModelContext(int numItems, int maxSeqLength, @Nullable SequenceSamples train) {

	public ModelContext {
		if (numItems < 2) {
			throw new IllegalArgumentException(
					"a model needs at least one item besides padding, got n_items " + numItems);
		}
		if (maxSeqLength < 1) {
			throw new IllegalArgumentException("MAX_ITEM_LIST_LENGTH must be positive, got " + maxSeqLength);
		}
	}

}
