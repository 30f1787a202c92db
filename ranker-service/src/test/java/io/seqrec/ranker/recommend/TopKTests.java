package io.seqrec.ranker.recommend;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

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

}
