package io.seqrec.ranker.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import io.seqrec.data.SequenceBatch;
import io.seqrec.data.SequenceBatches;

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
		SequenceBatch batch = SequenceBatches.recent(sequences, model.maxSequenceLength());
		try (NDManager manager = model.manager().newSubManager()) {
			NDList inputs = batch.toNDList(manager);
			NDArray scores = model.network().fullSortPredict(new ParameterStore(manager, false), inputs);
			return scores.toFloatArray();
		}
	}

}
