package io.seqrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllPositionsWindowsTests {

	private static final int L = 5;

	@Test
	void windowsHoldExactlyThePrefixTrainingTargets() {
		SequentialDataset dataset = randomDataset(new SplittableRandom(7), 40);
		AllPositionsWindows windows = AllPositionsWindows.build(dataset);
		SequenceSamples train = dataset.train();
		assertThat(windows.targetCount()).isEqualTo(train.size());
		assertThat(windows.maxLength()).isEqualTo(L);

		// prefix mode, per user in time order: (target, padded history)
		Map<Integer, List<int[]>> prefix = new HashMap<>();
		for (int i = 0; i < train.size(); i++) {
			int[] row = Arrays.copyOf(train.history(i), L + 1);
			row[L] = train.target(i);
			prefix.computeIfAbsent(train.user(i), (u) -> new ArrayList<>()).add(row);
		}
		Map<Integer, Integer> seen = new HashMap<>();
		int[] inputs = new int[L];
		int[] targets = new int[L];
		for (int w = 0; w < windows.size(); w++) {
			int user = windows.user(w);
			int length = windows.length(w);
			assertThat(length).isBetween(1, L);
			windows.copyInputs(w, inputs, 0);
			windows.copyTargets(w, targets, 0);
			for (int p = 0; p < L; p++) {
				if (p >= length) {
					assertThat(inputs[p]).isZero();
					assertThat(targets[p]).isZero();
					continue;
				}
				int k = seen.merge(user, 1, Integer::sum) - 1;
				int[] sample = prefix.get(user).get(k);
				int historyLength = countNonZero(sample, L);
				assertThat(targets[p]).isEqualTo(sample[L]);
				// the input is the item just before the target
				assertThat(inputs[p]).isEqualTo(sample[historyLength - 1]);
				// the window's causal history is a suffix of the prefix history
				assertThat(Arrays.copyOfRange(inputs, 0, p + 1))
					.containsExactly(Arrays.copyOfRange(sample, historyLength - p - 1, historyLength));
			}
		}
		for (Map.Entry<Integer, List<int[]>> entry : prefix.entrySet()) {
			assertThat(seen.get(entry.getKey())).isEqualTo(entry.getValue().size());
		}
	}

	@Test
	void longUserIsCutFromTheEnd() {
		// 12 interactions: 9 training targets, windows of 4 then 5 pairs
		String[] rows = new String[12];
		for (int i = 0; i < rows.length; i++) {
			rows[i] = "u i" + i + " " + i;
		}
		SequentialDataset dataset = SequentialDatasetBuilderTests.build(L, rows);
		assertThat(dataset.trainTargets(1)).isEqualTo(9);
		AllPositionsWindows windows = AllPositionsWindows.build(dataset);
		assertThat(windows.size()).isEqualTo(2);
		int[] row = new int[L];
		assertThat(windows.length(0)).isEqualTo(4);
		windows.copyInputs(0, row, 0);
		assertThat(row).containsExactly(1, 2, 3, 4, 0);
		windows.copyTargets(0, row, 0);
		assertThat(row).containsExactly(2, 3, 4, 5, 0);
		assertThat(windows.length(1)).isEqualTo(5);
		windows.copyInputs(1, row, 0);
		assertThat(row).containsExactly(5, 6, 7, 8, 9);
		windows.copyTargets(1, row, 0);
		// the last window ends at the last training target, item 10 (valid target is 11)
		assertThat(row).containsExactly(6, 7, 8, 9, 10);
		assertThat(windows.user(1)).isEqualTo(1);
	}

	private static int countNonZero(int[] row, int length) {
		int n = 0;
		while (n < length && row[n] != 0) {
			n++;
		}
		return n;
	}

	/** Users with 2 to 3L interactions over 25 items, times with ties, rows shuffled. */
	static SequentialDataset randomDataset(SplittableRandom random, int users) {
		List<String> userTokens = new ArrayList<>();
		List<String> itemTokens = new ArrayList<>();
		List<Double> times = new ArrayList<>();
		for (int u = 0; u < users; u++) {
			int n = random.nextInt(2, 3 * L + 1);
			for (int j = 0; j < n; j++) {
				userTokens.add("u" + u);
				itemTokens.add("i" + random.nextInt(25));
				times.add((double) random.nextInt(30));
			}
		}
		int[] order = shuffled(random, userTokens.size());
		List<String> shuffledUsers = new ArrayList<>();
		List<String> shuffledItems = new ArrayList<>();
		double[] shuffledTimes = new double[order.length];
		for (int k = 0; k < order.length; k++) {
			shuffledUsers.add(userTokens.get(order[k]));
			shuffledItems.add(itemTokens.get(order[k]));
			shuffledTimes[k] = times.get(order[k]);
		}
		return SequentialDatasetBuilder.build(InteractionTable.of(shuffledUsers, shuffledItems, shuffledTimes), L);
	}

	private static int[] shuffled(SplittableRandom random, int size) {
		int[] order = InteractionFilters.identity(size);
		for (int i = size - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = order[i];
			order[i] = order[j];
			order[j] = swap;
		}
		return order;
	}

}
