package io.seqrec.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * FEARec's same-target rows follow RecBole's rule: a training row with the same target
 * and another history whenever one exists (uniformly among them), an identical one
 * otherwise, and never a validation or test row.
 */
class SameTargetRowsTests {

	/**
	 * L = 3. Target t: training rows with histories [a] (u1), [b] (u2), [a] (u5); a
	 * validation row [c d] (u3) and a test row [f g h] (u4). Target d: one training row.
	 */
	private static final SequentialDataset DATA = SequentialDatasetBuilderTests.build(3, "u1 a 1", "u1 t 2", "u1 p 3",
			"u1 q 4", "u2 b 5", "u2 t 6", "u2 p 7", "u2 q 8", "u3 c 9", "u3 d 10", "u3 t 11", "u3 e 12", "u4 f 13",
			"u4 g 14", "u4 h 15", "u4 t 16", "u5 a 17", "u5 t 18", "u5 m 19", "u5 n 20");

	private static int id(String item) {
		return DATA.items().idOf(item);
	}

	private static List<Integer> trainRows(String... history) {
		int[] padded = padded(history);
		List<Integer> rows = new ArrayList<>();
		for (int i = 0; i < DATA.train().size(); i++) {
			if (DATA.train().sameHistory(i, padded, 0)) {
				rows.add(i);
			}
		}
		return rows;
	}

	private static int[] padded(String... history) {
		int[] padded = new int[3];
		for (int p = 0; p < history.length; p++) {
			padded[p] = id(history[p]);
		}
		return padded;
	}

	@Test
	void theSplitIsAsTheTestExpects() {
		assertThat(heldOut(DATA.valid())).contains(List.of(id("c"), id("d"), 0));
		assertThat(heldOut(DATA.test())).contains(List.of(id("f"), id("g"), id("h")));
		SameTargetRows rows = SameTargetRows.of(DATA.train(), DATA.numItems());
		assertThat(rows.count(id("t"))).isEqualTo(3);
		assertThat(rows.count(id("d"))).isEqualTo(1);
	}

	/** The histories of the held-out rows with target t. */
	private static List<List<Integer>> heldOut(SequenceSamples samples) {
		List<List<Integer>> histories = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			if (samples.target(i) == id("t")) {
				histories.add(java.util.Arrays.stream(samples.history(i)).boxed().toList());
			}
		}
		return histories;
	}

	@Test
	void aRowWithAnotherHistoryIsAlwaysChosenWhenOneExists() {
		SameTargetRows rows = SameTargetRows.of(DATA.train(), DATA.numItems());
		SplittableRandom random = new SplittableRandom(1);
		List<Integer> b = trainRows("b");
		for (int draw = 0; draw < 200; draw++) {
			assertThat(rows.draw(id("t"), padded("a"), 0, random)).isIn(b);
		}
		// from [b], both rows with history [a] (u1 and u5), about equally often
		Map<Integer, Integer> counts = new HashMap<>();
		for (int draw = 0; draw < 2000; draw++) {
			counts.merge(rows.draw(id("t"), padded("b"), 0, random), 1, Integer::sum);
		}
		assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(trainRows("a"));
		assertThat(counts.values()).allSatisfy((count) -> assertThat(count).isBetween(850, 1150));
	}

	@Test
	void anIdenticalRowIsTheFallbackWhenNoOtherHistoryExists() {
		SameTargetRows rows = SameTargetRows.of(DATA.train(), DATA.numItems());
		SplittableRandom random = new SplittableRandom(2);
		assertThat(rows.draw(id("d"), padded("c"), 0, random)).isEqualTo(trainRows("c").get(0));
	}

	@Test
	void validationAndTestRowsAreNeverDrawn() {
		SameTargetRows rows = SameTargetRows.of(DATA.train(), DATA.numItems());
		SplittableRandom random = new SplittableRandom(3);
		int[] order = new int[DATA.train().size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		for (int repeat = 0; repeat < 50; repeat++) {
			SequenceBatch batch = SequenceBatches.samples(DATA.train(), order, 0, order.length);
			rows.complete(batch, random);
			int[] histories = batch.get(BatchFields.SAME_TARGET_SEQ);
			int[] lengths = batch.get(BatchFields.SAME_TARGET_SEQ_LEN);
			int[] targets = batch.get(BatchFields.POS_ITEM);
			for (int row = 0; row < batch.size(); row++) {
				boolean inTrain = false;
				for (int i = 0; i < DATA.train().size(); i++) {
					inTrain |= DATA.train().target(i) == targets[row] && DATA.train().sameHistory(i, histories, row * 3)
							&& DATA.train().length(i) == lengths[row];
				}
				assertThat(inTrain).as("row %d draws a training row with its target", row).isTrue();
				for (SequenceSamples held : List.of(DATA.valid(), DATA.test())) {
					for (int i = 0; i < held.size(); i++) {
						assertThat(held.sameHistory(i, histories, row * 3)).as("held-out history drawn").isFalse();
					}
				}
			}
		}
	}

	@Test
	void aTargetWithoutTrainingRowsIsAnError() {
		SameTargetRows rows = SameTargetRows.of(DATA.train(), DATA.numItems());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows.draw(id("q"), padded("a", "t", "p"), 0, new SplittableRandom(4)))
			.withMessageContaining("no training row has target " + id("q"));
	}

}
