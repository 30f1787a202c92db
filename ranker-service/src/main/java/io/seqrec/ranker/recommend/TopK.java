package io.seqrec.ranker.recommend;

import java.util.Arrays;

/**
 * Selects the best-scored items of a score row in one pass with a min-heap of size
 * {@code k}, never the padding index 0 nor an excluded index. Equal scores rank the lower
 * index first; NaN scores never rank.
 */
final class TopK {

	private TopK() {
	}

	/**
	 * Selects the top items.
	 * @param scores score rows
	 * @param offset where the row starts (its index 0)
	 * @param columns the row's length
	 * @param k how many to select
	 * @param excluded excluded indices, sorted ascending
	 * @return the selected indices, best first (fewer than k if fewer are eligible)
	 */
	static int[] select(float[] scores, int offset, int columns, int k, int[] excluded) {
		if (k <= 0) {
			return new int[0];
		}
		int[] heap = new int[k];
		float[] heapScores = new float[k];
		int size = 0;
		for (int index = 1; index < columns; index++) {
			float score = scores[offset + index];
			if (score != score || (size == k && score <= heapScores[0])) {
				continue;
			}
			if (Arrays.binarySearch(excluded, index) >= 0) {
				continue;
			}
			if (size < k) {
				heap[size] = index;
				heapScores[size] = score;
				siftUp(heap, heapScores, size++);
			}
			else {
				heap[0] = index;
				heapScores[0] = score;
				siftDown(heap, heapScores, size);
			}
		}
		int[] order = new int[size];
		for (int i = size - 1; i >= 0; i--) {
			order[i] = heap[0];
			heap[0] = heap[i];
			heapScores[0] = heapScores[i];
			siftDown(heap, heapScores, i);
		}
		return order;
	}

	// the root is the worst: lowest score, and among equal scores the highest index
	private static boolean worse(int a, int b, int[] heap, float[] scores) {
		return scores[a] < scores[b] || (scores[a] == scores[b] && heap[a] > heap[b]);
	}

	private static void siftUp(int[] heap, float[] scores, int position) {
		int child = position;
		while (child > 0) {
			int parent = (child - 1) >>> 1;
			if (!worse(child, parent, heap, scores)) {
				return;
			}
			swap(heap, scores, child, parent);
			child = parent;
		}
	}

	private static void siftDown(int[] heap, float[] scores, int size) {
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
			swap(heap, scores, worst, parent);
			parent = worst;
		}
	}

	private static void swap(int[] heap, float[] scores, int a, int b) {
		int index = heap[a];
		heap[a] = heap[b];
		heap[b] = index;
		float score = scores[a];
		scores[a] = scores[b];
		scores[b] = score;
	}

}
