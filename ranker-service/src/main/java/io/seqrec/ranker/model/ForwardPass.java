package io.seqrec.ranker.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import io.seqrec.model.BatchFields;
import io.seqrec.model.SequenceBatch;

/**
 * One forward pass over a batch of sequences. Every array of the pass lives in a
 * sub-manager of the model's manager that is closed before returning, so serving never
 * grows the model's native memory.
 */
final class ForwardPass {

	private ForwardPass() {
	}

	/**
	 * Scores sequences.
	 * @param model the (leased) model
	 * @param sequences internal indices, oldest first, 1 to {@code L} items each
	 * @return scores {@code [B, n_items]}, row-major
	 */
	static float[] scores(LiveModel model, List<int[]> sequences) {
		int rows = sequences.size();
		int length = model.maxSequenceLength();
		int[] items = new int[rows * length];
		int[] lengths = new int[rows];
		for (int row = 0; row < rows; row++) {
			int[] sequence = sequences.get(row);
			int count = Math.min(length, sequence.length);
			if (count == 0) {
				throw new IllegalArgumentException("cannot score an empty sequence");
			}
			// left-aligned, right-padded with 0: the most recent items up to L
			System.arraycopy(sequence, sequence.length - count, items, row * length, count);
			lengths[row] = count;
		}
		try (NDManager manager = model.manager().newSubManager()) {
			NDList inputs = new SequenceBatch(rows).put(BatchFields.ITEM_SEQ, items, rows, length)
				.put(BatchFields.ITEM_SEQ_LEN, lengths, rows)
				.toNDList(manager);
			NDArray scores = model.network().fullSortPredict(new ParameterStore(manager, false), inputs);
			return scores.toFloatArray();
		}
	}

}
