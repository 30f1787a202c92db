package io.seqrec.ranker.recommend;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.seqrec.ranker.model.ScoreRows;

import static org.assertj.core.api.Assertions.assertThat;

class TopKTests {

	@Test
	void selectsTheBestScoresBestFirstWithoutPaddingOrExcludedItems() {
		float[] scores = { 100f, 0.1f, 0.9f, 0.5f, 0.9f, Float.NaN, 0.7f, -1f };
		assertThat(TopK.select(scores, 0, 8, 3, new int[0])).containsExactly(2, 4, 6);
		assertThat(TopK.select(scores, 0, 8, 3, new int[] { -1, 4 })).containsExactly(2, 6, 3);
		assertThat(TopK.select(scores, 0, 8, 10, new int[] { 2, 3 })).containsExactly(4, 6, 1, 7);
		assertThat(TopK.select(scores, 0, 8, 0, new int[0])).isEmpty();
	}

	@Test
	void readsOneRowOfMany() {
		float[] scores = { 9f, 1f, 2f, 3f, 9f, 3f, 2f, 1f };
		assertThat(TopK.select(scores, 4, 4, 2, new int[0])).containsExactly(1, 2);
	}

	@Test
	void agreesWithSortingOnRandomRows() {
		Random random = new Random(3);
		for (int trial = 0; trial < 50; trial++) {
			int columns = 2 + random.nextInt(300);
			float[] scores = new float[columns];
			for (int i = 0; i < columns; i++) {
				scores[i] = random.nextInt(50) / 10f;
			}
			int[] excluded = IntStream.range(0, columns).filter((i) -> random.nextInt(5) == 0).toArray();
			int k = 1 + random.nextInt(20);
			int[] expected = IntStream.range(1, columns)
				.filter((i) -> Arrays.binarySearch(excluded, i) < 0)
				.boxed()
				.sorted((a, b) -> (scores[a] != scores[b]) ? Float.compare(scores[b], scores[a])
						: Integer.compare(a, b))
				.limit(k)
				.mapToInt(Integer::intValue)
				.toArray();
			assertThat(TopK.select(scores, 0, columns, k, excluded)).containsExactly(expected);
		}
	}

	@Test
	void candidatesDecideWhenTheLastCandidateScoresBelowTheKth() {
		// candidates best first, as the engine returns them; padding (0) among them
		ScoreRows rows = new ScoreRows(new float[] { 0.9f, 0.8f, 0.7f, 0.6f, 0.5f }, new int[] { 7, 0, 3, 9, 2 }, 5, 0);
		int[] top = TopK.select(rows, 0, 2, new int[] { 3 });
		assertThat(top).containsExactly(0, 3);
		assertThat(rows.item(0, top[1])).isEqualTo(9);
		assertThat(rows.score(0, top[1])).isEqualTo(0.6f);
	}

	@Test
	void equalCandidateScoresRankTheLowerIndexFirst() {
		ScoreRows rows = new ScoreRows(new float[] { 0.9f, 0.9f, 0.9f, 0.1f }, new int[] { 8, 2, 5, 1 }, 4, 0);
		int[] top = TopK.select(rows, 0, 2, new int[0]);
		assertThat(top).containsExactly(1, 2);
	}

	@Test
	void candidatesThatCannotDecideAskForTheFullRow() {
		// the k-th selected ties with the last candidate: an item left out may tie too
		ScoreRows tie = new ScoreRows(new float[] { 0.9f, 0.5f, 0.5f }, new int[] { 4, 6, 8 }, 3, 0);
		assertThat(TopK.select(tie, 0, 2, new int[0])).isNull();
		// too few eligible candidates
		ScoreRows few = new ScoreRows(new float[] { 0.9f, 0.8f, 0.7f }, new int[] { 4, 0, 8 }, 3, 0);
		assertThat(TopK.select(few, 0, 2, new int[] { 8 })).isNull();
		// NaN among the candidates
		ScoreRows nan = new ScoreRows(new float[] { Float.NaN, 0.8f, 0.7f }, new int[] { 4, 5, 8 }, 3, 0);
		assertThat(TopK.select(nan, 0, 2, new int[0])).isNull();
		// excluded items never come back, from candidates or from a full row
		ScoreRows second = new ScoreRows(new float[] { 1f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f },
				new int[] { 1, 2, 3, 4, 5, 6 }, 3, 1);
		int[] top = TopK.select(second, 0, 1, new int[] { 4 });
		assertThat(second.item(0, top[0])).isEqualTo(5);
		ScoreRows full = new ScoreRows(new float[] { 5f, 0.1f, 0.9f, 0.4f }, null, 4, 0);
		assertThat(TopK.select(full, 0, 3, new int[] { 2 })).containsExactly(3, 1);
	}

	@Test
	void agreesWithTheFullRowWhenCandidatesDecide() {
		Random random = new Random(5);
		int decided = 0;
		for (int trial = 0; trial < 200; trial++) {
			int columns = 20 + random.nextInt(200);
			float[] scores = new float[columns];
			for (int i = 0; i < columns; i++) {
				scores[i] = random.nextInt(400) / 10f;
			}
			int[] excluded = IntStream.range(0, columns).filter((i) -> random.nextInt(5) == 0).toArray();
			int k = 1 + random.nextInt(10);
			int count = Math.min(columns, k + excluded.length + 1);
			// the engine's candidates: the best scores, in any order among equal ones
			Integer[] order = IntStream.range(0, columns).boxed().toArray(Integer[]::new);
			Arrays.sort(order,
					(a, b) -> (scores[a] != scores[b]) ? Float.compare(scores[b], scores[a]) : Integer.compare(b, a));
			float[] candidateScores = new float[count];
			int[] items = new int[count];
			for (int i = 0; i < count; i++) {
				items[i] = order[i];
				candidateScores[i] = scores[order[i]];
			}
			ScoreRows candidates = new ScoreRows(candidateScores, items, count, 0);
			int[] top = TopK.select(candidates, 0, k, excluded);
			int[] expected = TopK.select(scores, 0, columns, k, excluded);
			if (top != null) {
				decided++;
				assertThat(Arrays.stream(top).map((p) -> candidates.item(0, p)).toArray()).containsExactly(expected);
			}
		}
		assertThat(decided).isGreaterThan(50);
	}

}
