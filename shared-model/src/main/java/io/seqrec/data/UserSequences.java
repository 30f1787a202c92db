package io.seqrec.data;

import java.util.Arrays;

/**
 * Every remapped user's full chronological interaction sequence (item ids and times),
 * stored as one flat array with per-user offsets. Users are ids {@code 1..size()-1}; id 0
 * (padding) has an empty sequence.
 */
public final class UserSequences {

	private final int[] offsets;

	private final int[] items;

	private final double[] times;

	/**
	 * @param offsets start of each user in the flat arrays, plus a final end
	 * ({@code size()+1} values)
	 * @param items item ids, user after user, each user's in time order
	 * @param times the matching times
	 */
	UserSequences(int[] offsets, int[] items, double[] times) {
		this.offsets = offsets;
		this.items = items;
		this.times = times;
	}

	/**
	 * Returns the number of user ids, padding included.
	 * @return the users vocabulary size
	 */
	public int size() {
		return this.offsets.length - 1;
	}

	/**
	 * Returns the number of interactions of a user.
	 * @param user a user id
	 * @return the sequence length (0 for padding)
	 */
	public int length(int user) {
		return this.offsets[user + 1] - this.offsets[user];
	}

	/**
	 * Returns one item of a user's sequence.
	 * @param user a user id
	 * @param position 0-based position in time order
	 * @return the item id
	 */
	public int item(int user, int position) {
		return this.items[checkedIndex(user, position)];
	}

	/**
	 * Returns one time of a user's sequence.
	 * @param user a user id
	 * @param position 0-based position in time order
	 * @return the time of that interaction
	 */
	public double timestamp(int user, int position) {
		return this.times[checkedIndex(user, position)];
	}

	/**
	 * Returns a copy of a user's items in time order.
	 * @param user a user id
	 * @return the item ids
	 */
	public int[] items(int user) {
		return Arrays.copyOfRange(this.items, this.offsets[user], this.offsets[user + 1]);
	}

	/**
	 * Returns a copy of a user's times in chronological order.
	 * @param user a user id
	 * @return the times
	 */
	public double[] timestamps(int user) {
		return Arrays.copyOfRange(this.times, this.offsets[user], this.offsets[user + 1]);
	}

	/**
	 * Returns the total number of interactions.
	 * @return the sum of all lengths
	 */
	public int interactionCount() {
		return this.items.length;
	}

	int offset(int user) {
		return this.offsets[user];
	}

	int[] flatItems() {
		return this.items;
	}

	double[] flatTimes() {
		return this.times;
	}

	private int checkedIndex(int user, int position) {
		if (position < 0 || position >= length(user)) {
			throw new IndexOutOfBoundsException(
					"position " + position + " outside user " + user + "'s " + length(user) + " interactions");
		}
		return this.offsets[user] + position;
	}

}
