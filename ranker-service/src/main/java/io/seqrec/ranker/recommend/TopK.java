package io.seqrec.ranker.recommend;

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

import io.seqrec.ranker.model.ScoreRows;

/**
 * Selects the best-scored items of a score row in one pass with a min-heap of size
 * {@code k}, never the padding index 0 nor an excluded index. Equal scores rank the lower
 * index first; NaN scores never rank. A row of engine-selected candidates decides the
 * answer only when nothing outside it could rank: see {@link #fromCandidates}.
 */
final class TopK {

	private TopK() {
	}

	/**
	 * Selects the top items of a full row.
	 * @param scores score rows
	 * @param offset where the row starts (its index 0)
	 * @param columns the row's length
	 * @param k how many to select
	 * @param excluded excluded indices, sorted ascending
	 * @return the selected indices, best first (fewer than k if fewer are eligible)
	 */
	static int[] select(float[] scores, int offset, int columns, int k, int[] excluded) {
		return select(scores, null, offset, columns, k, excluded);
	}

	/**
	 * Selects the top items of one row.
	 * @param rows the rows
	 * @param row the row
	 * @param k how many to select
	 * @param excluded excluded indices, sorted ascending
	 * @return the positions of the selected items in the row, best first; null when the
	 * row holds candidates that cannot decide the answer
	 */
	static int @Nullable [] select(ScoreRows rows, int row, int k, int[] excluded) {
		int[] positions = select(rows.scores(), rows.items(), rows.offset(row), rows.columns(), k, excluded);
		return (rows.full() || fromCandidates(rows, row, k, positions)) ? positions : null;
	}

	/**
	 * Whether a selection from engine-selected candidates (the row's best scores, best
	 * first) is the selection over all items: k items were selected, and the last
	 * candidate scores strictly below the k-th, so no item outside the candidates (all
	 * score at most the last candidate) can rank nor tie with a lower index. A NaN
	 * anywhere in the candidates fails the test.
	 */
	private static boolean fromCandidates(ScoreRows rows, int row, int k, int[] positions) {
		if (positions.length < k) {
			return false;
		}
		float last = rows.score(row, rows.columns() - 1);
		return last < rows.score(row, positions[k - 1]);
	}

	/**
	 * The selection over a row, as positions in the row; the item at a position is the
	 * position itself for a full row, or {@code items[offset + position]}.
	 */
	private static int[] select(float[] scores, int @Nullable [] items, int offset, int columns, int k,
			int[] excluded) {
		if (k <= 0) {
			return new int[0];
		}
		int[] heap = new int[k];
		int[] positions = new int[k];
		float[] heapScores = new float[k];
		int size = 0;
		for (int position = 0; position < columns; position++) {
			float score = scores[offset + position];
			if (score != score || (size == k && score < heapScores[0])) {
				continue;
			}
			int index = (items != null) ? items[offset + position] : position;
			if (index == 0 || Arrays.binarySearch(excluded, index) >= 0) {
				continue;
			}
			if (size < k) {
				heap[size] = index;
				positions[size] = position;
				heapScores[size] = score;
				siftUp(heap, positions, heapScores, size++);
			}
			else if (score > heapScores[0] || index < heap[0]) {
				heap[0] = index;
				positions[0] = position;
				heapScores[0] = score;
				siftDown(heap, positions, heapScores, size);
			}
		}
		int[] order = new int[size];
		for (int i = size - 1; i >= 0; i--) {
			order[i] = positions[0];
			heap[0] = heap[i];
			positions[0] = positions[i];
			heapScores[0] = heapScores[i];
			siftDown(heap, positions, heapScores, i);
		}
		return order;
	}

	// the root is the worst: lowest score, and among equal scores the highest index
	private static boolean worse(int a, int b, int[] heap, float[] scores) {
		return scores[a] < scores[b] || (scores[a] == scores[b] && heap[a] > heap[b]);
	}

	private static void siftUp(int[] heap, int[] positions, float[] scores, int position) {
		int child = position;
		while (child > 0) {
			int parent = (child - 1) >>> 1;
			if (!worse(child, parent, heap, scores)) {
				return;
			}
			swap(heap, positions, scores, child, parent);
			child = parent;
		}
	}

	private static void siftDown(int[] heap, int[] positions, float[] scores, int size) {
		int parent = 0;
		while (true) {
			int left = 2 * parent + 1;
			if (left >= size) {
				return;
			}
			int right = left + 1;
			int worst = (right < size && worse(right, left, heap, scores)) ? right : left;
			if (!worse(worst, parent, heap, scores)) {
				return;
			}
			swap(heap, positions, scores, worst, parent);
			parent = worst;
		}
	}

	private static void swap(int[] heap, int[] positions, float[] scores, int a, int b) {
		int index = heap[a];
		heap[a] = heap[b];
		heap[b] = index;
		int position = positions[a];
		positions[a] = positions[b];
		positions[b] = position;
		float score = scores[a];
		scores[a] = scores[b];
		scores[b] = score;
	}

}
