package io.seqrec.ranker.model;

import java.util.List;

/**
 * Scores sequences with a leased model. DJL predictors are not thread-safe; the
 * implementations share the frozen model between threads either by micro-batching
 * concurrent requests into one forward pass ({@link BatchingScorer}) or by bounding the
 * number of concurrent forward passes ({@link PooledScorer}).
 */
public interface Scorer extends AutoCloseable {

	/**
	 * Scores every item for each sequence.
	 * @param model the model, leased by the caller for the duration of the call
	 * @param sequences internal item indices, oldest first, each with 1 to
	 * {@link LiveModel#maxSequenceLength()} items
	 * @return one row per sequence, in order
	 */
	ScoreRows score(LiveModel model, List<int[]> sequences);

	@Override
	void close();

}
