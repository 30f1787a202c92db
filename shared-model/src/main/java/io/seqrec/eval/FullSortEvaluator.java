package io.seqrec.eval;

import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequenceBatches;
import io.seqrec.data.SequenceSamples;
import io.seqrec.model.SequentialRecommender;

/**
 * RecBole's full-sort evaluation of a split: every item scored for every row, padding at
 * minus infinity, no history masking unless {@code exclude_seen_items} asks for it, one
 * positive per row. Each batch lives in its own manager, closed before the next.
 */
public final class FullSortEvaluator {

	private final List<Metric> metrics;

	private final List<Integer> topk;

	private final int decimals;

	private final int batchSize;

	private final boolean excludeSeenItems;

	/**
	 * Creates an evaluator.
	 * @param metrics metrics in print order
	 * @param topk cut-offs in print order
	 * @param decimals {@code metric_decimal_place}
	 * @param batchSize rows per batch ({@code eval_batch_size})
	 * @param excludeSeenItems whether to rank the history last
	 */
	public FullSortEvaluator(List<Metric> metrics, List<Integer> topk, int decimals, int batchSize,
			boolean excludeSeenItems) {
		this.metrics = List.copyOf(metrics);
		this.topk = List.copyOf(topk);
		this.decimals = decimals;
		this.batchSize = batchSize;
		this.excludeSeenItems = excludeSeenItems;
	}

	/**
	 * Evaluates a split.
	 * @param model the model, frozen by the caller or not
	 * @param ps the parameter store
	 * @param parent manager under which batch managers are opened
	 * @param split the rows to rank
	 * @return rounded metrics keyed as RecBole prints them
	 */
	public RankingResult evaluate(SequentialRecommender model, ParameterStore ps, NDManager parent,
			SequenceSamples split) {
		return RankingResult.of(ranks(model, ps, parent, split), this.metrics, this.topk, this.decimals);
	}

	/**
	 * The rank of each row's positive.
	 * @param model the model
	 * @param ps the parameter store
	 * @param parent manager under which batch managers are opened
	 * @param split the rows to rank
	 * @return 1-based ranks in row order
	 */
	public long[] ranks(SequentialRecommender model, ParameterStore ps, NDManager parent, SequenceSamples split) {
		long[] ranks = new long[split.size()];
		int[] order = new int[split.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		for (int from = 0; from < order.length; from += this.batchSize) {
			int to = Math.min(order.length, from + this.batchSize);
			try (NDManager batchManager = parent.newSubManager()) {
				NDList batch = SequenceBatches.samples(split, order, from, to).toNDList(batchManager);
				long[] batchRanks = Ranks.of(model.fullSortPredict(ps, batch), batch.get(BatchFields.POS_ITEM),
						this.excludeSeenItems ? batch.get(BatchFields.ITEM_SEQ) : null);
				System.arraycopy(batchRanks, 0, ranks, from, batchRanks.length);
			}
		}
		return ranks;
	}

}
