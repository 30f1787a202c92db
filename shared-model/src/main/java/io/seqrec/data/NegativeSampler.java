package io.seqrec.data;

import java.util.BitSet;
import java.util.random.RandomGenerator;

/**
 * Uniform negative items in {@code [1, numItems-1]} (never the padding id 0), as
 * RecBole's samplers for sequential models: rejecting only the target
 * ({@code RepeatableSampler}, BPR negatives), or rejecting every item of the row's
 * history (BERT4Rec's {@code MaskItemSequence}). Not thread-safe: one sampler per thread.
 */
public final class NegativeSampler {

	/**
	 * Rejections after which the sampler checks that an acceptable item exists at all.
	 */
	private static final int CHECK_AFTER = 1000;

	private final int numItems;

	private final RandomGenerator random;

	/**
	 * Creates a sampler.
	 * @param numItems RecBole's {@code n_items} (distinct items + 1); at least 2
	 * @param random the random source (for example a seeded
	 * {@link java.util.SplittableRandom})
	 */
	public NegativeSampler(int numItems, RandomGenerator random) {
		if (numItems < 2) {
			throw new IllegalArgumentException("need at least one real item to sample from, numItems=" + numItems);
		}
		this.numItems = numItems;
		this.random = random;
	}

	/**
	 * Draws uniformly from {@code [1, numItems-1]} until the item differs from
	 * {@code excluded}.
	 * @param excluded the item to reject (the row's target)
	 * @return a negative item id
	 * @throws IllegalStateException if {@code excluded} is the only item
	 */
	public int uniformExcluding(int excluded) {
		if (this.numItems == 2 && excluded == 1) {
			throw new IllegalStateException("cannot sample a negative: item 1 is the only item and it is excluded");
		}
		int item;
		do {
			item = draw();
		}
		while (item == excluded);
		return item;
	}

	/**
	 * Draws uniformly from {@code [1, numItems-1]} until the item is not among the first
	 * {@code length} entries of {@code historyPadded}.
	 * @param historyPadded a padded history row
	 * @param length the number of real items at its start
	 * @return a negative item id
	 * @throws IllegalStateException if the history contains every item
	 */
	public int uniformNotIn(int[] historyPadded, int length) {
		int rejections = 0;
		while (true) {
			int item = draw();
			if (!contains(historyPadded, length, item)) {
				return item;
			}
			rejections++;
			if (rejections == CHECK_AFTER && coversAllItems(historyPadded, length)) {
				throw new IllegalStateException(
						"cannot sample a negative: the history contains all " + (this.numItems - 1) + " items");
			}
		}
	}

	private int draw() {
		return this.random.nextInt(1, this.numItems);
	}

	private static boolean contains(int[] history, int length, int item) {
		for (int i = 0; i < length; i++) {
			if (history[i] == item) {
				return true;
			}
		}
		return false;
	}

	private boolean coversAllItems(int[] history, int length) {
		BitSet seen = new BitSet(this.numItems);
		for (int i = 0; i < length; i++) {
			if (history[i] >= 1 && history[i] < this.numItems) {
				seen.set(history[i]);
			}
		}
		return seen.cardinality() == this.numItems - 1;
	}

}
