package io.seqrec.ranker.model;

import java.util.List;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Each request runs its own forward pass on the caller's thread, at most {@code size} at
 * a time (the equivalent of a predictor pool: the frozen model is shared, every pass has
 * its own arrays).
 */
public final class PooledScorer implements Scorer {

	private final Semaphore permits;

	private final DistributionSummary batchSizes;

	/**
	 * Creates the pool.
	 * @param size concurrent forward passes
	 * @param meters where the batch-size summary goes
	 */
	public PooledScorer(int size, MeterRegistry meters) {
		this.permits = new Semaphore(size);
		this.batchSizes = ScoringMeters.batchSizes(meters);
	}

	@Override
	public ScoreRows score(LiveModel model, List<int[]> sequences, int candidates) {
		this.permits.acquireUninterruptibly();
		try {
			ScoreRows rows = ForwardPass.scores(model, sequences, candidates);
			this.batchSizes.record(sequences.size());
			return rows;
		}
		finally {
			this.permits.release();
		}
	}

	@Override
	public void close() {
		// nothing to stop
	}

}
