package io.seqrec.eval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Metric values keyed and ordered as RecBole prints them: every metric in configuration
 * order, and for each metric every K of {@code topk}
 * ({@code recall@5, recall@10, mrr@5, ...}).
 *
 * @param values metric values by result key, already rounded, in print order
 */
public record RankingResult(Map<String, Double> values) {

	public RankingResult {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * Averages per-row metric values over the given ranks and rounds them as RecBole does
	 * ({@code round(value, metric_decimal_place)}, half-even on the exact binary value).
	 * @param ranks 1-based rank of the positive item, one per evaluation row
	 * @param metrics the metrics, in print order
	 * @param topk the cut-offs, in print order
	 * @param decimals the number of decimal places to keep
	 * @return the rounded result
	 * @throws IllegalArgumentException if there are no rows
	 */
	public static RankingResult of(long[] ranks, List<Metric> metrics, List<Integer> topk, int decimals) {
		if (ranks.length == 0) {
			throw new IllegalArgumentException("cannot evaluate an empty split");
		}
		Map<String, Double> values = new LinkedHashMap<>();
		for (Metric metric : metrics) {
			for (int k : topk) {
				double sum = 0;
				for (long rank : ranks) {
					sum += metric.value(rank, k);
				}
				values.put(metric.resultKey(k), round(sum / ranks.length, decimals));
			}
		}
		return new RankingResult(values);
	}

	static double round(double value, int decimals) {
		return new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
	}

	/**
	 * Looks up a value by key, case-insensitively ({@code MRR@10} finds {@code mrr@10}).
	 * @param key the result key
	 * @return the value
	 * @throws IllegalArgumentException naming the available keys when it is absent
	 */
	public double get(String key) {
		Double value = this.values.get(key.toLowerCase(Locale.ROOT));
		if (value == null) {
			throw new IllegalArgumentException(
					"no metric '" + key + "' in the evaluation result; available: " + this.values.keySet());
		}
		return value;
	}

	/**
	 * Renders the result as RecBole's {@code dict2str}: {@code key : value} joined by
	 * four spaces.
	 * @return the printable line
	 */
	@Override
	public String toString() {
		return this.values.entrySet()
			.stream()
			.map((e) -> e.getKey() + " : " + formatValue(e.getValue()))
			.collect(Collectors.joining("    "));
	}

	private static String formatValue(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replaceFirst("^(-?\\d+)$", "$1.0");
	}

}
