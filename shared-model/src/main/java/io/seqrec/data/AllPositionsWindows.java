package io.seqrec.data;

import java.util.Arrays;

/**
 * Training windows for the fast all-positions mode: each user's training sequence
 * {@code x = items[0..t]} ({@code t} = {@link SequentialDataset#trainTargets(int)}) gives
 * the pairs (input {@code x[j]}, target {@code x[j+1]}), {@code j < t}, cut into windows
 * of at most {@code L} consecutive pairs aligned from the end (the last window ends at
 * the last training target; the first window of a long user may be shorter). Windows are
 * left-aligned and right-padded with 0 (input) and 0 (target, meaning ignore). The
 * targets are exactly the prefix-mode training targets.
 */
public final class AllPositionsWindows {

	private final int maxLength;

	private final int[] flatItems;

	private final int[] users;

	private final int[] starts;

	private final int[] lengths;

	private final long targetCount;

	private AllPositionsWindows(int maxLength, int[] flatItems, int[] users, int[] starts, int[] lengths) {
		this.maxLength = maxLength;
		this.flatItems = flatItems;
		this.users = users;
		this.starts = starts;
		this.lengths = lengths;
		this.targetCount = Arrays.stream(lengths).asLongStream().sum();
	}

	/**
	 * Cuts every user's training sequence into windows, users in id order, each user's
	 * windows in time order.
	 * @param dataset the dataset
	 * @return the windows
	 */
	public static AllPositionsWindows build(SequentialDataset dataset) {
		int maxLength = dataset.maxItemListLength();
		UserSequences sequences = dataset.sequences();
		int count = 0;
		for (int user = 1; user < sequences.size(); user++) {
			count += (dataset.trainTargets(user) + maxLength - 1) / maxLength;
		}
		int[] users = new int[count];
		int[] starts = new int[count];
		int[] lengths = new int[count];
		int w = 0;
		for (int user = 1; user < sequences.size(); user++) {
			int t = dataset.trainTargets(user);
			int windows = (t + maxLength - 1) / maxLength;
			// the first window holds the remainder, the others are full and end at pair t
			int end = t - (windows - 1) * maxLength;
			int start = 0;
			for (int k = 0; k < windows; k++) {
				users[w] = user;
				starts[w] = sequences.offset(user) + start;
				lengths[w] = end - start;
				w++;
				start = end;
				end += maxLength;
			}
		}
		return new AllPositionsWindows(maxLength, sequences.flatItems(), users, starts, lengths);
	}

	/**
	 * Returns the number of windows.
	 * @return the row count
	 */
	public int size() {
		return this.users.length;
	}

	/**
	 * Returns the window width {@code L}.
	 * @return {@code MAX_ITEM_LIST_LENGTH}
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Returns the user of a window.
	 * @param w the window
	 * @return the user id
	 */
	public int user(int w) {
		return this.users[w];
	}

	/**
	 * Returns the number of real positions of a window.
	 * @param w the window
	 * @return a length in {@code [1, maxLength()]}
	 */
	public int length(int w) {
		return this.lengths[w];
	}

	/**
	 * Writes a window's inputs followed by zeros: exactly {@code maxLength()} ints.
	 * @param w the window
	 * @param dest the destination
	 * @param offset where to start writing
	 */
	public void copyInputs(int w, int[] dest, int offset) {
		copy(this.starts[w], w, dest, offset);
	}

	/**
	 * Writes a window's targets (the item after each input) followed by zeros: exactly
	 * {@code maxLength()} ints.
	 * @param w the window
	 * @param dest the destination
	 * @param offset where to start writing
	 */
	public void copyTargets(int w, int[] dest, int offset) {
		copy(this.starts[w] + 1, w, dest, offset);
	}

	/**
	 * Returns the total number of real target positions.
	 * @return the number of prefix-mode training samples
	 */
	public long targetCount() {
		return this.targetCount;
	}

	private void copy(int from, int w, int[] dest, int offset) {
		int length = this.lengths[w];
		System.arraycopy(this.flatItems, from, dest, offset, length);
		Arrays.fill(dest, offset + length, offset + this.maxLength, 0);
	}

	@Override
	public String toString() {
		return "AllPositionsWindows[size=" + size() + ", targets=" + this.targetCount + "]";
	}

}
