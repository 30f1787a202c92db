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
	 * Scores every item for each sequence, and keeps every score.
	 * @param model the model, leased by the caller for the duration of the call
	 * @param sequences internal item indices, oldest first, each with 1 to
	 * {@link LiveModel#maxSequenceLength()} items
	 * @return one full row per sequence, in order
	 */
	default ScoreRows score(LiveModel model, List<int[]> sequences) {
		return score(model, sequences, ScoreRows.ALL);
	}

	/**
	 * Scores every item for each sequence, and keeps the best scores of each row.
	 * @param model the model, leased by the caller for the duration of the call
	 * @param sequences internal item indices, oldest first, each with 1 to
	 * {@link LiveModel#maxSequenceLength()} items
	 * @param candidates at least this many best scores per row (full rows if it is at
	 * least {@code n_items}); a micro-batch keeps the most any of its callers asked for
	 * @return one row per sequence, in order
	 */
	ScoreRows score(LiveModel model, List<int[]> sequences, int candidates);

	@Override
	void close();

}
