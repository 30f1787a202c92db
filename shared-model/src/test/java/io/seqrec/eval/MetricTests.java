package io.seqrec.eval;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class MetricTests {

	@Test
	void perRowValuesMatchTheDefinitions() {
		// rank 3 within K = 10
		assertThat(Metric.HIT.value(3, 10)).isEqualTo(1.0);
		assertThat(Metric.RECALL.value(3, 10)).isEqualTo(1.0);
		assertThat(Metric.MRR.value(3, 10)).isEqualTo(1.0 / 3);
		assertThat(Metric.NDCG.value(3, 10)).isCloseTo(1.0 / (Math.log(4) / Math.log(2)), within(1e-15));
		assertThat(Metric.NDCG.value(3, 10)).isEqualTo(0.5);
		assertThat(Metric.PRECISION.value(3, 10)).isEqualTo(0.1);
		// rank 11 is outside K = 10
		for (Metric metric : Metric.values()) {
			assertThat(metric.value(11, 10)).as(metric.key()).isZero();
		}
		// rank exactly K counts
		assertThat(Metric.NDCG.value(10, 10)).isCloseTo(1.0 / (Math.log(11) / Math.log(2)), within(1e-15));
	}

	@Test
	void averagesRoundsAndOrdersAsRecBolePrints() {
		// ranks 1, 2, 4, 20 over four rows
		long[] ranks = { 1, 2, 4, 20 };
		RankingResult result = RankingResult.of(ranks,
				List.of(Metric.RECALL, Metric.MRR, Metric.NDCG, Metric.HIT, Metric.PRECISION), List.of(5, 10), 4);
		assertThat(result.values().keySet()).containsExactly("recall@5", "recall@10", "mrr@5", "mrr@10", "ndcg@5",
				"ndcg@10", "hit@5", "hit@10", "precision@5", "precision@10");
		assertThat(result.get("recall@10")).isEqualTo(0.75);
		// (1 + 1/2 + 1/4) / 4 = 0.4375
		assertThat(result.get("mrr@5")).isEqualTo(0.4375);
		// (1 + 1/log2(3) + 1/log2(5)) / 4 = (1 + 0.63093 + 0.43068) / 4 = 0.51540
		assertThat(result.get("ndcg@10")).isEqualTo(0.5154);
		// 3 hits / (4 rows * 5)
		assertThat(result.get("precision@5")).isEqualTo(0.15);
		assertThat(result.get("MRR@10")).isEqualTo(0.4375);
		assertThat(result.toString()).startsWith("recall@5 : 0.75    recall@10 : 0.75    mrr@5 : 0.4375");
	}

	@Test
	void roundsHalfEvenOnTheBinaryValueLikePython() {
		// Python: round(0.12345, 4) == 0.1235 (0.12345 is stored as
		// 0.123450000000000004...)
		assertThat(RankingResult.round(0.12345, 4)).isEqualTo(0.1235);
		// Python: round(0.00015, 4) == 0.0001 (stored as 0.000149999...)
		assertThat(RankingResult.round(0.00015, 4)).isEqualTo(0.0001);
		assertThat(RankingResult.round(1.0, 4)).isEqualTo(1.0);
	}

	@Test
	void printsWholeNumbersWithADecimalPoint() {
		RankingResult result = RankingResult.of(new long[] { 1 }, List.of(Metric.HIT), List.of(10), 4);
		assertThat(result).hasToString("hit@10 : 1.0");
		RankingResult miss = RankingResult.of(new long[] { 50 }, List.of(Metric.HIT), List.of(10), 4);
		assertThat(miss).hasToString("hit@10 : 0.0");
	}

	@Test
	void rejectsUnknownNamesAndEmptySplits() {
		assertThat(Metric.parse("nDCG")).isEqualTo(Metric.NDCG);
		assertThatIllegalArgumentException().isThrownBy(() -> Metric.parse("AUC"))
			.withMessageContaining("unknown metric 'AUC'")
			.withMessageContaining("Recall, Mrr, Ndcg, Hit, Precision");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RankingResult.of(new long[0], List.of(Metric.HIT), List.of(10), 4));
		RankingResult result = RankingResult.of(new long[] { 1 }, List.of(Metric.HIT), List.of(10), 4);
		assertThatIllegalArgumentException().isThrownBy(() -> result.get("ndcg@10")).withMessageContaining("hit@10");
	}

}
