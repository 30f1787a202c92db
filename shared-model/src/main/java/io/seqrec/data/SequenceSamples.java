package io.seqrec.data;

import java.util.Arrays;

/**
 * Prefix-augmented samples (RecBole's {@code item_id_list}, {@code item_length}, target
 * {@code item_id}), stored compactly: a history is a slice of its user's chronological
 * sequence and is materialised only when copied out, left-aligned and right-padded with
 * 0.
 */
public final class SequenceSamples {

	private final int maxLength;

	private final int[] flatItems;

	private final int[] users;

	private final int[] targets;

	private final int[] lengths;

	private final int[] starts;

	private final double[] times;

	/**
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @param flatItems the item array the {@code starts} index into
	 * @param users user id per sample
	 * @param targets target item id per sample
	 * @param lengths history length per sample, in {@code [1, maxLength]}
	 * @param starts index of each history's first item in {@code flatItems}
	 * @param times target time per sample
	 */
	SequenceSamples(int maxLength, int[] flatItems, int[] users, int[] targets, int[] lengths, int[] starts,
			double[] times) {
		this.maxLength = maxLength;
		this.flatItems = flatItems;
		this.users = users;
		this.targets = targets;
		this.lengths = lengths;
		this.starts = starts;
		this.times = times;
	}

	/**
	 * Returns the number of samples.
	 * @return the row count
	 */
	public int size() {
		return this.users.length;
	}

	/**
	 * Returns the padded history length {@code L}.
	 * @return {@code MAX_ITEM_LIST_LENGTH}
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * Returns the user of a sample.
	 * @param i the sample
	 * @return the remapped user id
	 */
	public int user(int i) {
		return this.users[i];
	}

	/**
	 * Returns the target item of a sample.
	 * @param i the sample
	 * @return the remapped item id
	 */
	public int target(int i) {
		return this.targets[i];
	}

	/**
	 * Returns the number of real items in a sample's history ({@code item_length}).
	 * @param i the sample
	 * @return a length in {@code [1, maxLength()]}
	 */
	public int length(int i) {
		return this.lengths[i];
	}

	/**
	 * Returns the time of a sample's target interaction.
	 * @param i the sample
	 * @return the target's time
	 */
	public double timestamp(int i) {
		return this.times[i];
	}

	/**
	 * Writes a sample's history, oldest first, followed by zeros: exactly
	 * {@code maxLength()} ints.
	 * @param i the sample
	 * @param dest the destination
	 * @param offset where to start writing in {@code dest}
	 */
	public void copyHistory(int i, int[] dest, int offset) {
		int length = this.lengths[i];
		System.arraycopy(this.flatItems, this.starts[i], dest, offset, length);
		Arrays.fill(dest, offset + length, offset + this.maxLength, 0);
	}

	/**
	 * Returns a sample's padded history.
	 * @param i the sample
	 * @return a new array of {@code maxLength()} ints
	 */
	public int[] history(int i) {
		int[] history = new int[this.maxLength];
		copyHistory(i, history, 0);
		return history;
	}

	/**
	 * Whether a sample's padded history equals a padded history row.
	 * @param i the sample
	 * @param padded an array holding a padded history
	 * @param offset where that history starts, {@code maxLength()} ints
	 * @return true when both hold the same items at the same positions
	 */
	public boolean sameHistory(int i, int[] padded, int offset) {
		int length = this.lengths[i];
		if (!Arrays.equals(this.flatItems, this.starts[i], this.starts[i] + length, padded, offset, offset + length)) {
			return false;
		}
		for (int p = offset + length; p < offset + this.maxLength; p++) {
			if (padded[p] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Translates item ids into another vocabulary (a saved model's). History items that
	 * map to 0 are dropped from their history; samples whose target maps to 0, or whose
	 * history becomes empty, are dropped.
	 * @param mapping new id per old id, 0 for unknown items
	 * @return the translated samples (this object when the mapping is the identity)
	 */
	public SequenceSamples remapItems(int[] mapping) {
		boolean identity = true;
		for (int id = 0; id < mapping.length && identity; id++) {
			identity = mapping[id] == id;
		}
		if (identity) {
			return this;
		}
		int n = size();
		int[] items = new int[n * this.maxLength];
		int[] keptUsers = new int[n];
		int[] keptTargets = new int[n];
		int[] keptLengths = new int[n];
		int[] keptStarts = new int[n];
		double[] keptTimes = new double[n];
		int kept = 0;
		int next = 0;
		for (int i = 0; i < n; i++) {
			int target = mapping[this.targets[i]];
			int start = next;
			for (int p = 0; p < this.lengths[i]; p++) {
				int item = mapping[this.flatItems[this.starts[i] + p]];
				if (item != 0) {
					items[next++] = item;
				}
			}
			if (target == 0 || next == start) {
				next = start;
				continue;
			}
			keptUsers[kept] = this.users[i];
			keptTargets[kept] = target;
			keptLengths[kept] = next - start;
			keptStarts[kept] = start;
			keptTimes[kept] = this.times[i];
			kept++;
		}
		return new SequenceSamples(this.maxLength, Arrays.copyOf(items, next), Arrays.copyOf(keptUsers, kept),
				Arrays.copyOf(keptTargets, kept), Arrays.copyOf(keptLengths, kept), Arrays.copyOf(keptStarts, kept),
				Arrays.copyOf(keptTimes, kept));
	}

	@Override
	public String toString() {
		return "SequenceSamples[size=" + size() + ", maxLength=" + this.maxLength + "]";
	}

}
