package io.seqrec.train;

import io.seqrec.data.AllPositionsWindows;
import io.seqrec.data.SequenceSamples;
import io.seqrec.model.BatchFields;
import io.seqrec.model.SequenceBatch;

/**
 * Builds Java-side batches from prepared samples.
 */
final class SampleBatches {

	private SampleBatches() {
	}

	/**
	 * A prefix batch: history, length and target of the selected samples.
	 * @param samples the split
	 * @param order sample indices
	 * @param from first position in {@code order}
	 * @param to position after the last
	 * @return the batch
	 */
	static SequenceBatch prefix(SequenceSamples samples, int[] order, int from, int to) {
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
		return new SequenceBatch(size).put(BatchFields.ITEM_SEQ, history, size, length)
			.put(BatchFields.ITEM_SEQ_LEN, lengths, size)
			.put(BatchFields.POS_ITEM, targets, size);
	}

	/**
	 * A window batch for {@code all_positions} training: inputs and the next-item target
	 * at every position (0 where there is none).
	 * @param windows the windows
	 * @param order window indices
	 * @param from first position in {@code order}
	 * @param to position after the last
	 * @return the batch
	 */
	static SequenceBatch windows(AllPositionsWindows windows, int[] order, int from, int to) {
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
		return new SequenceBatch(size).put(BatchFields.ITEM_SEQ, inputs, size, length)
			.put(BatchFields.ITEM_SEQ_LEN, lengths, size)
			.put(BatchFields.TARGET_SEQ, targets, size, length);
	}

}
