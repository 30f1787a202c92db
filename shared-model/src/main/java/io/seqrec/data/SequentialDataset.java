package io.seqrec.data;

/**
 * A sequential-recommendation dataset as RecBole builds it: remapped users and items,
 * prefix-augmented samples split leave-one-out by user into train, valid and test, and
 * each user's full chronological sequence. Built by {@link SequentialDatasetBuilder}.
 */
public final class SequentialDataset {

	private final Vocabulary users;

	private final Vocabulary items;

	private final int maxItemListLength;

	private final UserSequences sequences;

	private final SequenceSamples train;

	private final SequenceSamples valid;

	private final SequenceSamples test;

	private final int[] trainTargets;

	SequentialDataset(Vocabulary users, Vocabulary items, int maxItemListLength, UserSequences sequences,
			SequenceSamples[] splits, int[] trainTargets) {
		this.users = users;
		this.items = items;
		this.maxItemListLength = maxItemListLength;
		this.sequences = sequences;
		this.train = splits[0];
		this.valid = splits[1];
		this.test = splits[2];
		this.trainTargets = trainTargets;
	}

	/**
	 * Returns the user vocabulary (id 0 = padding).
	 * @return the users
	 */
	public Vocabulary users() {
		return this.users;
	}

	/**
	 * Returns the item vocabulary (id 0 = padding).
	 * @return the items
	 */
	public Vocabulary items() {
		return this.items;
	}

	/**
	 * Returns RecBole's {@code n_items}: distinct items + 1.
	 * @return {@code items().size()}
	 */
	public int numItems() {
		return this.items.size();
	}

	/**
	 * Returns {@code MAX_ITEM_LIST_LENGTH}.
	 * @return the padded history length {@code L}
	 */
	public int maxItemListLength() {
		return this.maxItemListLength;
	}

	/**
	 * Returns the training samples, in RecBole's split order.
	 * @return the train split
	 */
	public SequenceSamples train() {
		return this.train;
	}

	/**
	 * Returns the validation samples, at most one per user.
	 * @return the valid split
	 */
	public SequenceSamples valid() {
		return this.valid;
	}

	/**
	 * Returns the test samples, at most one per user.
	 * @return the test split
	 */
	public SequenceSamples test() {
		return this.test;
	}

	/**
	 * Returns every user's full chronological sequence.
	 * @return the sequences, indexed by user id
	 */
	public UserSequences sequences() {
		return this.sequences;
	}

	/**
	 * Returns how many training samples a user has: its training sequence is items
	 * {@code 0..t} of its chronological sequence, with targets {@code 1..t}.
	 * @param user a user id
	 * @return {@code t}, 0 for users without training samples
	 */
	public int trainTargets(int user) {
		return this.trainTargets[user];
	}

	@Override
	public String toString() {
		return "SequentialDataset[users=" + (this.users.size() - 1) + ", items=" + (this.items.size() - 1)
				+ ", interactions=" + this.sequences.interactionCount() + ", train=" + this.train.size() + ", valid="
				+ this.valid.size() + ", test=" + this.test.size() + ", L=" + this.maxItemListLength + "]";
	}

}
