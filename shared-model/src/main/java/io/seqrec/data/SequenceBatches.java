package io.seqrec.data;

import java.util.List;

/**
 * Builds the Java-side batches every model reads: histories left-aligned and right-padded
 * with 0 ({@link BatchFields#ITEM_SEQ}), their lengths ({@link BatchFields#ITEM_SEQ_LEN})
 * and, for samples, the target ({@link BatchFields#POS_ITEM}). Training, evaluation and
 * serving all build their batches here, so a history reaches a model in one layout.
 */
public final class SequenceBatches {

	private SequenceBatches() {
	}

	/**
	 * A batch of prefix samples: history, length and target of the selected samples.
	 * @param samples the split
	 * @param order sample indices
	 * @param from first position in {@code order}
	 * @param to position after the last
	 * @return the batch
	 */
	public static SequenceBatch samples(SequenceSamples samples, int[] order, int from, int to) {
		int size = to - from;
		int length = samples.maxLength();
		int[] history = new int[size * length];
		int[] lengths = new int[size];
		int[] targets = new int[size];
		for (int row = 0; row < size; row++) {
			int sample = order[from + row];
			samples.copyHistory(sample, history, row * length);
			lengths[row] = samples.length(sample);
			targets[row] = samples.target(sample);
		}
		return histories(size, length, history, lengths).put(BatchFields.POS_ITEM, targets, size);
	}

	/**
	 * A batch of live sequences to score: the most recent {@code maxLength} items of
	 * each, in the layout of {@link #samples}.
	 * @param sequences internal item ids, oldest first, at least one item each
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return the batch, without targets
	 * @throws IllegalArgumentException for an empty sequence
	 */
	public static SequenceBatch recent(List<int[]> sequences, int maxLength) {
		int rows = sequences.size();
		int[] items = new int[rows * maxLength];
		int[] lengths = new int[rows];
		for (int row = 0; row < rows; row++) {
			int[] sequence = sequences.get(row);
			int count = Math.min(maxLength, sequence.length);
			if (count == 0) {
				throw new IllegalArgumentException("cannot score an empty sequence");
			}
			System.arraycopy(sequence, sequence.length - count, items, row * maxLength, count);
			lengths[row] = count;
		}
		return histories(rows, maxLength, items, lengths);
	}

	/**
	 * A window batch for {@code all_positions} training: inputs, their lengths and the
	 * next-item target at every position ({@link BatchFields#TARGET_SEQ}, 0 where there
	 * is none).
	 * @param windows the windows
	 * @param order window indices
	 * @param from first position in {@code order}
	 * @param to position after the last
	 * @return the batch
	 */
	public static SequenceBatch windows(AllPositionsWindows windows, int[] order, int from, int to) {
		int size = to - from;
		int length = windows.maxLength();
		int[] inputs = new int[size * length];
		int[] targets = new int[size * length];
		int[] lengths = new int[size];
		for (int row = 0; row < size; row++) {
			int window = order[from + row];
			windows.copyInputs(window, inputs, row * length);
			windows.copyTargets(window, targets, row * length);
			lengths[row] = windows.length(window);
		}
		return histories(size, length, inputs, lengths).put(BatchFields.TARGET_SEQ, targets, size, length);
	}

	private static SequenceBatch histories(int rows, int length, int[] items, int[] lengths) {
		return new SequenceBatch(rows).put(BatchFields.ITEM_SEQ, items, rows, length)
			.put(BatchFields.ITEM_SEQ_LEN, lengths, rows);
	}

}
