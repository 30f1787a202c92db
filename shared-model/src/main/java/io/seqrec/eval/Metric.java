package io.seqrec.eval;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ranking metrics RecBole reports for full-sort evaluation, for exactly one positive
 * item per evaluation row (leave-one-out). With {@code r} the 1-based rank of the
 * positive among all scored items and {@code K} the cut-off:
 * <ul>
 * <li>{@code recall@K} = hits / |positives| = {@code 1[r <= K]}</li>
 * <li>{@code mrr@K} = {@code 1[r <= K] / r}</li>
 * <li>{@code ndcg@K} = DCG / IDCG = {@code 1[r <= K] / log2(r + 1)} (IDCG = 1)</li>
 * <li>{@code hit@K} = {@code 1[r <= K]}</li>
 * <li>{@code precision@K} = hits / K = {@code 1[r <= K] / K}</li>
 * </ul>
 * These are RecBole's {@code Recall}, {@code MRR}, {@code NDCG}, {@code Hit} and
 * {@code Precision} from {@code recbole/evaluator/metrics.py} for a single positive.
 */
public enum Metric {

	/** Share of positives found in the top K. */
	RECALL("recall") {
		@Override
		public double value(long rank, int k) {
			return (rank <= k) ? 1.0 : 0.0;
		}
	},
	/** Reciprocal rank of the positive, zero below K. */
	MRR("mrr") {
		@Override
		public double value(long rank, int k) {
			return (rank <= k) ? 1.0 / rank : 0.0;
		}
	},
	/** Normalised discounted cumulative gain with binary relevance. */
	NDCG("ndcg") {
		@Override
		public double value(long rank, int k) {
			return (rank <= k) ? 1.0 / (Math.log(rank + 1.0) / Math.log(2.0)) : 0.0;
		}
	},
	/** Whether the positive is in the top K. */
	HIT("hit") {
		@Override
		public double value(long rank, int k) {
			return (rank <= k) ? 1.0 : 0.0;
		}
	},
	/** Hits in the top K divided by K. */
	PRECISION("precision") {
		@Override
		public double value(long rank, int k) {
			return (rank <= k) ? 1.0 / k : 0.0;
		}
	};

	private final String key;

	Metric(String key) {
		this.key = key;
	}

	/**
	 * The lower-case name RecBole uses in result keys ({@code ndcg} in {@code ndcg@10}).
	 * @return the metric's key
	 */
	public String key() {
		return this.key;
	}

	/**
	 * The metric's value for one evaluation row.
	 * @param rank 1-based rank of the positive item among all scored items
	 * @param k the cut-off
	 * @return the per-row value, averaged over rows by the evaluator
	 */
	public abstract double value(long rank, int k);

	/**
	 * Parses a metric name case-insensitively ({@code "NDCG"}, {@code "ndcg"}).
	 * @param name the name as written in configuration
	 * @return the metric
	 * @throws IllegalArgumentException naming the valid choices when the name is unknown
	 */
	public static Metric parse(String name) {
		for (Metric metric : values()) {
			if (metric.key.equalsIgnoreCase(name.trim())) {
				return metric;
			}
		}
		throw new IllegalArgumentException("unknown metric '" + name + "'; valid metrics: "
				+ Arrays.stream(values())
					.map((m) -> m.name().charAt(0) + m.key.substring(1))
					.collect(Collectors.joining(", ")));
	}

	/**
	 * The result key of this metric at a cut-off, as RecBole prints it.
	 * @param k the cut-off
	 * @return for example {@code "ndcg@10"}
	 */
	public String resultKey(int k) {
		return String.format(Locale.ROOT, "%s@%d", this.key, k);
	}

}
