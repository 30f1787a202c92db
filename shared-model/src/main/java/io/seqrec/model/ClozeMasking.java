package io.seqrec.model;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import io.seqrec.data.BatchFields;
import io.seqrec.data.NegativeSampler;
import io.seqrec.data.SequenceBatch;

/**
 * BERT4Rec's cloze batches, RecBole's {@code MaskItemSequence} transform
 * ({@code transform: mask_itemseq}): it reads only the histories of a batch
 * ({@link BatchFields#ITEM_SEQ}, {@link BatchFields#ITEM_SEQ_LEN}; a row's target is not
 * used) and adds {@link BatchFields#MASK_ITEM_SEQ}, {@link BatchFields#MASK_POS_ITEMS},
 * {@link BatchFields#MASK_NEG_ITEMS} and {@link BatchFields#MASK_INDEX}.
 *
 * <p>
 * One draw per batch: with probability {@code ft_ratio} every row masks its last history
 * item only; otherwise every real position of every row is masked with probability
 * {@code mask_ratio}. A row's masked positions fill {@code m = int(mask_ratio * L)} loss
 * slots, left-padded with 0 and keeping the last {@code m} when there are more (the
 * earlier extras stay masked in the input but carry no loss). Negatives are uniform over
 * the items outside the row's history. RecBole's quirk is kept: a mask at position 0 has
 * index 0 and so carries no loss, like a padded slot.
 */
final class ClozeMasking implements BatchTransform {

	private final int maskToken;

	private final int slots;

	private final double maskRatio;

	private final double ftRatio;

	/**
	 * Creates the transform.
	 * @param numItems RecBole's {@code n_items}; the mask token is this id
	 * @param slots loss slots per row, {@code int(mask_ratio * L)}
	 * @param maskRatio {@code mask_ratio}
	 * @param ftRatio {@code ft_ratio}
	 */
	ClozeMasking(int numItems, int slots, double maskRatio, double ftRatio) {
		this.maskToken = numItems;
		this.slots = slots;
		this.maskRatio = maskRatio;
		this.ftRatio = ftRatio;
	}

	@Override
	public void apply(SequenceBatch batch, RandomGenerator random) {
		int rows = batch.size();
		int[] history = batch.get(BatchFields.ITEM_SEQ);
		int[] lengths = batch.get(BatchFields.ITEM_SEQ_LEN);
		int length = history.length / rows;
		int[] masked = history.clone();
		int[] positives = new int[rows * this.slots];
		int[] negatives = new int[rows * this.slots];
		int[] indices = new int[rows * this.slots];
		NegativeSampler sampler = new NegativeSampler(this.maskToken, random);
		boolean lastOnly = random.nextDouble() < this.ftRatio;
		int[] chosen = new int[length];
		for (int row = 0; row < rows; row++) {
			int start = row * length;
			int count = lastOnly ? lastItem(lengths[row], chosen) : cloze(history, start, length, random, chosen);
			int kept = Math.min(count, this.slots);
			int[] own = Arrays.copyOfRange(history, start, start + length);
			for (int k = 0; k < kept; k++) {
				int position = chosen[count - kept + k];
				int slot = row * this.slots + this.slots - kept + k;
				positives[slot] = history[start + position];
				negatives[slot] = sampler.uniformNotIn(own, lengths[row]);
				indices[slot] = position;
			}
			for (int k = 0; k < count; k++) {
				masked[start + chosen[k]] = this.maskToken;
			}
		}
		batch.put(BatchFields.MASK_ITEM_SEQ, masked, rows, length)
			.put(BatchFields.MASK_POS_ITEMS, positives, rows, this.slots)
			.put(BatchFields.MASK_NEG_ITEMS, negatives, rows, this.slots)
			.put(BatchFields.MASK_INDEX, indices, rows, this.slots);
	}

	private static int lastItem(int length, int[] chosen) {
		chosen[0] = length - 1;
		return 1;
	}

	/** Positions masked with probability mask_ratio, scanning up to the first padding. */
	private int cloze(int[] history, int start, int length, RandomGenerator random, int[] chosen) {
		int count = 0;
		for (int t = 0; t < length && history[start + t] != 0; t++) {
			if (random.nextDouble() < this.maskRatio) {
				chosen[count++] = t;
			}
		}
		return count;
	}

	/**
	 * The number of loss terms of a masked batch: slots with a positive index.
	 * @param batch a batch completed by this transform
	 * @return the count
	 */
	static double lossSlots(SequenceBatch batch) {
		int slots = 0;
		for (int index : batch.get(BatchFields.MASK_INDEX)) {
			slots += (index > 0) ? 1 : 0;
		}
		return slots;
	}

}
