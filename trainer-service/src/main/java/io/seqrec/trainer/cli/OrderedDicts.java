package io.seqrec.trainer.cli;

import java.math.BigDecimal;
import java.util.stream.Collectors;

import io.seqrec.eval.RankingResult;

/**
 * Renders results as RecBole's {@code run_recbole} logs them, a Python
 * {@code OrderedDict}: {@code OrderedDict([('recall@10', 0.1234), ('mrr@10', 0.0456)])}.
 */
final class OrderedDicts {

	private OrderedDicts() {
	}

	static String of(RankingResult result) {
		return result.values()
			.entrySet()
			.stream()
			.map((e) -> "('" + e.getKey() + "', " + python(e.getValue()) + ")")
			.collect(Collectors.joining(", ", "OrderedDict([", "])"));
	}

	private static String python(double value) {
		String plain = BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
		return plain.contains(".") ? plain : plain + ".0";
	}

}
