package io.seqrec.ranker.model;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
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
	 * Scores every item for each sequence.
	 * @param model the (leased) model
	 * @param sequences internal indices, oldest first, 1 to {@code L} items each
	 * @return scores {@code [B, n_items]}, row-major
	 */
	static float[] scores(LiveModel model, List<int[]> sequences) {
		return scores(model, sequences, ScoreRows.ALL).scores();
	}

	/**
	 * Scores sequences.
	 * @param model the (leased) model
	 * @param sequences internal indices, oldest first, 1 to {@code L} items each
	 * @param candidates the best scores kept per row, selected on the engine (only they
	 * are copied to the JVM); {@link ScoreRows#ALL} or at least {@code n_items} for full
	 * rows
	 * @return the rows, from row 0
	 */
	static ScoreRows scores(LiveModel model, List<int[]> sequences, int candidates) {
		SequenceBatch batch = SequenceBatches.recent(sequences, model.maxSequenceLength());
		int columns = model.items().size();
		try (NDManager manager = model.manager().newSubManager()) {
			NDList inputs = batch.toNDList(manager);
			NDArray scores = model.network().fullSortPredict(new ParameterStore(manager, false), inputs);
			if (candidates >= columns) {
				return new ScoreRows(scores.toFloatArray(), null, columns, 0);
			}
			NDList top = scores.topK(candidates, 1, true, true);
			return new ScoreRows(top.get(0).toFloatArray(), top.get(1).toType(DataType.INT32, false).toIntArray(),
					candidates, 0);
		}
	}

}
