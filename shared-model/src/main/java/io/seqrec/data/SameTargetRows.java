package io.seqrec.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * FEARec's same-target ("semantic") augmentation, with RecBole's rule: for a row with
 * target {@code t}, another training row whose target is also {@code t} and whose history
 * differs; a row with an identical history only when no other exists.
 *
 * <p>
 * RecBole tries the rows with target {@code t} in random order without replacement (the
 * row itself included) and takes the first whose padded history differs, or the last one
 * tried; so the result is uniform over the same-target rows with a different history, and
 * a row with the same history otherwise. The pool is the training split only, never
 * validation or test rows; the rows by target are indexed once, when the pool is built.
 */
public final class SameTargetRows {

	private final SequenceSamples pool;

	/** Rows with target {@code t} are {@code rows[offsets[t] .. offsets[t + 1])}. */
	private final int[] offsets;

	private final int[] rows;

	private SameTargetRows(SequenceSamples pool, int[] offsets, int[] rows) {
		this.pool = pool;
		this.offsets = offsets;
		this.rows = rows;
	}

	/**
	 * Indexes the training rows by target.
	 * @param train the training split
	 * @param numItems {@code n_items}: targets lie in {@code [1, numItems)}
	 * @return the pool
	 */
	public static SameTargetRows of(SequenceSamples train, int numItems) {
		int[] offsets = new int[numItems + 1];
		for (int i = 0; i < train.size(); i++) {
			offsets[train.target(i) + 1]++;
		}
		for (int item = 0; item < numItems; item++) {
			offsets[item + 1] += offsets[item];
		}
		int[] next = Arrays.copyOf(offsets, numItems);
		int[] rows = new int[train.size()];
		for (int i = 0; i < train.size(); i++) {
			rows[next[train.target(i)]++] = i;
		}
		return new SameTargetRows(train, offsets, rows);
	}

	/**
	 * Number of training rows with a target.
	 * @param target an item id
	 * @return the count
	 */
	public int count(int target) {
		return this.offsets[target + 1] - this.offsets[target];
	}

	/**
	 * Draws the same-target row of one history.
	 * @param target the row's target
	 * @param histories padded histories, {@code L} ints each
	 * @param offset where the row's history starts in {@code histories}
	 * @param random the run's generator
	 * @return a training row index
	 * @throws IllegalArgumentException when no training row has the target
	 */
	public int draw(int target, int[] histories, int offset, RandomGenerator random) {
		int from = this.offsets[target];
		int size = this.offsets[target + 1] - from;
		if (size == 0) {
			throw new IllegalArgumentException(
					"no training row has target " + target + ": same-target rows are drawn for training batches only");
		}
		int first = this.rows[from + random.nextInt(size)];
		if (size == 1 || !this.pool.sameHistory(first, histories, offset)) {
			return first;
		}
		// the first pick repeats the history: go on without replacement
		int[] untried = Arrays.copyOfRange(this.rows, from, from + size);
		swap(untried, 0, indexOf(untried, first));
		int candidate = first;
		for (int tried = 1; tried < size; tried++) {
			swap(untried, tried, tried + random.nextInt(size - tried));
			candidate = untried[tried];
			if (!this.pool.sameHistory(candidate, histories, offset)) {
				return candidate;
			}
		}
		return candidate;
	}

	/**
	 * Adds each row's same-target row to a training batch:
	 * {@link BatchFields#SAME_TARGET_SEQ} and {@link BatchFields#SAME_TARGET_SEQ_LEN}.
	 * @param batch a batch with histories and targets
	 * @param random the run's generator
	 */
	public void complete(SequenceBatch batch, RandomGenerator random) {
		int size = batch.size();
		int length = this.pool.maxLength();
		int[] histories = batch.get(BatchFields.ITEM_SEQ);
		int[] targets = batch.get(BatchFields.POS_ITEM);
		int[] sameHistories = new int[size * length];
		int[] sameLengths = new int[size];
		for (int row = 0; row < size; row++) {
			int chosen = draw(targets[row], histories, row * length, random);
			this.pool.copyHistory(chosen, sameHistories, row * length);
			sameLengths[row] = this.pool.length(chosen);
		}
		batch.put(BatchFields.SAME_TARGET_SEQ, sameHistories, size, length);
		batch.put(BatchFields.SAME_TARGET_SEQ_LEN, sameLengths, size);
	}

	private static int indexOf(int[] values, int value) {
		for (int i = 0; i < values.length; i++) {
			if (values[i] == value) {
				return i;
			}
		}
		throw new IllegalStateException("row " + value + " is not in its target's group");
	}

	private static void swap(int[] values, int i, int j) {
		int tmp = values[i];
		values[i] = values[j];
		values[j] = tmp;
	}

}
