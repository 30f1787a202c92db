package io.seqrec.data;

import java.util.function.IntBinaryOperator;

/**
 * Stable sorting of {@code int} index arrays (merge sort), so that ties keep their order
 * as NumPy's {@code argsort(kind="stable")} does, without boxing.
 */
final class IndexSort {

	private static final int INSERTION_LIMIT = 16;

	private IndexSort() {
	}

	/**
	 * Stably sorts {@code indexes[from, to)} by a comparator of index values.
	 */
	static void stableSort(int[] indexes, int from, int to, IntBinaryOperator comparator) {
		if (to - from < 2) {
			return;
		}
		int[] buffer = new int[to - from];
		sort(indexes, from, to, buffer, comparator);
	}

	/**
	 * Returns {@code 0..keys.length-1} stably sorted by ascending key
	 * ({@code -0.0 == 0.0}).
	 */
	static int[] stableOrder(double[] keys) {
		int[] order = new int[keys.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		stableSort(order, 0, order.length, (a, b) -> compare(keys[a], keys[b]));
		return order;
	}

	/**
	 * Numeric comparison without {@link Double#compare}'s distinction of {@code -0.0}.
	 */
	static int compare(double a, double b) {
		return (a < b) ? -1 : ((a > b) ? 1 : 0);
	}

	private static void sort(int[] a, int from, int to, int[] buffer, IntBinaryOperator comparator) {
		if (to - from <= INSERTION_LIMIT) {
			for (int i = from + 1; i < to; i++) {
				int value = a[i];
				int j = i - 1;
				while (j >= from && comparator.applyAsInt(a[j], value) > 0) {
					a[j + 1] = a[j];
					j--;
				}
				a[j + 1] = value;
			}
			return;
		}
		int mid = (from + to) >>> 1;
		sort(a, from, mid, buffer, comparator);
		sort(a, mid, to, buffer, comparator);
		if (comparator.applyAsInt(a[mid - 1], a[mid]) <= 0) {
			return;
		}
		System.arraycopy(a, from, buffer, 0, mid - from);
		int i = 0;
		int left = mid - from;
		int j = mid;
		int k = from;
		while (i < left && j < to) {
			a[k++] = (comparator.applyAsInt(a[j], buffer[i]) < 0) ? a[j++] : buffer[i++];
		}
		while (i < left) {
			a[k++] = buffer[i++];
		}
	}

}
