package io.seqrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a {@link SequentialDataset} from filtered interactions exactly as RecBole's
 * {@code SequentialDataset}: remap by first appearance, stable sort by (user, time),
 * prefix augmentation with histories of at most {@code MAX_ITEM_LIST_LENGTH} items, then
 * {@code order TO} + {@code LS valid_and_test} grouped by user.
 */
public final class SequentialDatasetBuilder {

	private static final Logger logger = LoggerFactory.getLogger(SequentialDatasetBuilder.class);

	private SequentialDatasetBuilder() {
	}

	/**
	 * Builds the dataset.
	 * @param filtered the interactions after {@link InteractionFilters}, in their order
	 * @param maxItemListLength {@code MAX_ITEM_LIST_LENGTH} ({@code L})
	 * @return the dataset
	 * @throws DataException if there is no time column, or no train or no test sample
	 * @throws IllegalArgumentException if {@code maxItemListLength < 1}
	 */
	public static SequentialDataset build(InteractionTable filtered, int maxItemListLength) {
		if (maxItemListLength < 1) {
			throw new IllegalArgumentException("MAX_ITEM_LIST_LENGTH must be at least 1, not " + maxItemListLength);
		}
		if (!filtered.hasTimestamp()) {
			throw new DataException("sequential models need a timestamp column; add `timestamp:float` to the file"
					+ " and to load_col");
		}
		int rows = filtered.size();
		List<String> userTokens = new ArrayList<>();
		List<String> itemTokens = new ArrayList<>();
		int[] userIds = remap(filtered, true, userTokens);
		int[] itemIds = remap(filtered, false, itemTokens);
		Vocabulary users = Vocabulary.of(userTokens);
		Vocabulary items = Vocabulary.of(itemTokens);
		UserSequences sequences = group(userIds, itemIds, filtered.timestamps(), users.size());

		int[] trainTargets = new int[users.size()];
		int validCount = 0;
		int testCount = 0;
		int trainCount = 0;
		for (int user = 1; user < users.size(); user++) {
			int samples = sequences.length(user) - 1;
			int heldOut = Math.max(0, Math.min(2, samples - 1));
			trainTargets[user] = samples - heldOut;
			trainCount += trainTargets[user];
			validCount += (heldOut == 2) ? 1 : 0;
			testCount += (heldOut >= 1) ? 1 : 0;
		}
		if (trainCount == 0 || testCount == 0) {
			throw new DataException("after filtering, " + (users.size() - 1) + " users, " + (items.size() - 1)
					+ " items and " + rows + " interactions are left, giving " + trainCount + " train and " + testCount
					+ " test samples; sequential models need users with at least 2 interactions (train) and"
					+ " 3 interactions (test); check the data and the filter settings");
		}
		if (validCount == 0) {
			logger.warn("no user has 4 or more interactions: the validation split is empty");
		}
		SampleWriter train = new SampleWriter(sequences, maxItemListLength, trainCount);
		SampleWriter valid = new SampleWriter(sequences, maxItemListLength, validCount);
		SampleWriter test = new SampleWriter(sequences, maxItemListLength, testCount);
		for (int user : splitGroupOrder(sequences)) {
			int n = sequences.length(user);
			for (int position = 1; position <= trainTargets[user]; position++) {
				train.add(user, position);
			}
			if (n - 1 - trainTargets[user] == 2) {
				valid.add(user, n - 2);
			}
			if (n - 1 - trainTargets[user] >= 1) {
				test.add(user, n - 1);
			}
		}
		SequentialDataset dataset = new SequentialDataset(users, items, maxItemListLength, sequences,
				new SequenceSamples[] { train.samples(), valid.samples(), test.samples() }, trainTargets);
		logger.info("built {}", dataset);
		return dataset;
	}

	/** Ids {@code 1..n} by first appearance; fills {@code tokens} in id order. */
	private static int[] remap(InteractionTable table, boolean users, List<String> tokens) {
		Map<String, Integer> ids = new HashMap<>();
		int[] result = new int[table.size()];
		for (int row = 0; row < result.length; row++) {
			String token = users ? table.userToken(row) : table.itemToken(row);
			Integer id = ids.get(token);
			if (id == null) {
				tokens.add(token);
				id = tokens.size();
				ids.put(token, id);
			}
			result[row] = id;
		}
		return result;
	}

	/**
	 * Stable sort by (user id, time): bucket the rows by user in input order, then stably
	 * sort each bucket by time.
	 */
	private static UserSequences group(int[] userIds, int[] itemIds, double[] times, int userCount) {
		int[] offsets = new int[userCount + 1];
		for (int user : userIds) {
			offsets[user + 1]++;
		}
		for (int user = 1; user <= userCount; user++) {
			offsets[user] += offsets[user - 1];
		}
		int[] order = new int[userIds.length];
		int[] next = offsets.clone();
		for (int row = 0; row < userIds.length; row++) {
			order[next[userIds[row]]++] = row;
		}
		int[] flatItems = new int[order.length];
		double[] flatTimes = new double[order.length];
		for (int user = 1; user < userCount; user++) {
			IndexSort.stableSort(order, offsets[user], offsets[user + 1],
					(a, b) -> IndexSort.compare(times[a], times[b]));
		}
		for (int k = 0; k < order.length; k++) {
			flatItems[k] = itemIds[order[k]];
			flatTimes[k] = times[order[k]];
		}
		return new UserSequences(offsets, flatItems, flatTimes);
	}

	/**
	 * The order of RecBole's {@code leave_one_out} groups: samples are stably sorted by
	 * target time and grouped by first appearance, so a user's rank is the (time, id) of
	 * its first sample, that is of its second interaction; users with one interaction
	 * have no group.
	 */
	static int[] splitGroupOrder(UserSequences sequences) {
		int[] order = new int[sequences.size()];
		int n = 0;
		for (int user = 1; user < sequences.size(); user++) {
			if (sequences.length(user) >= 2) {
				order[n++] = user;
			}
		}
		double[] times = sequences.flatTimes();
		IndexSort.stableSort(order, 0, n,
				(a, b) -> IndexSort.compare(times[sequences.offset(a) + 1], times[sequences.offset(b) + 1]));
		return Arrays.copyOf(order, n);
	}

	/** Fills the arrays of one split. */
	private static final class SampleWriter {

		private final UserSequences sequences;

		private final int maxLength;

		private final int[] users;

		private final int[] targets;

		private final int[] lengths;

		private final int[] starts;

		private final double[] times;

		private int size;

		SampleWriter(UserSequences sequences, int maxLength, int capacity) {
			this.sequences = sequences;
			this.maxLength = maxLength;
			this.users = new int[capacity];
			this.targets = new int[capacity];
			this.lengths = new int[capacity];
			this.starts = new int[capacity];
			this.times = new double[capacity];
		}

		/**
		 * Adds the sample whose target is the user's interaction at
		 * {@code position >= 1}.
		 */
		void add(int user, int position) {
			int flat = this.sequences.offset(user) + position;
			int length = Math.min(position, this.maxLength);
			this.users[this.size] = user;
			this.targets[this.size] = this.sequences.flatItems()[flat];
			this.lengths[this.size] = length;
			this.starts[this.size] = flat - length;
			this.times[this.size] = this.sequences.flatTimes()[flat];
			this.size++;
		}

		SequenceSamples samples() {
			return new SequenceSamples(this.maxLength, this.sequences.flatItems(), this.users, this.targets,
					this.lengths, this.starts, this.times);
		}

	}

}
