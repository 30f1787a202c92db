package io.seqrec.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.seqrec.config.ErrorMessageTests.assertMessage;
import static io.seqrec.config.ErrorMessageTests.cli;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The semantic checks of {@link ConfigValidator}.
 */
class ValidationTests {

	private static final String PROTOCOL = "seqrec implements only RecBole's sequential protocol: "
			+ "split {LS: valid_and_test}, order TO, mode full, group_by user";

	@Test
	void evalArgsMustBeTheSequentialProtocol() {
		assertMessage(() -> cli("SASRec", "eval_args", "{split: {RS: [0.8, 0.1, 0.1]}}"),
				"eval_args.split must be {LS: valid_and_test} (got {'RS': [0.8, 0.1, 0.1]}): " + PROTOCOL);
		assertMessage(() -> cli("SASRec", "eval_args", "{split: {LS: test_only}}"),
				"eval_args.split must be {LS: valid_and_test} (got {'LS': 'test_only'}): " + PROTOCOL);
		assertMessage(() -> cli("SASRec", "eval_args", "{order: RO}"),
				"eval_args.order must be TO (got RO): " + PROTOCOL);
		assertMessage(() -> cli("SASRec", "eval_args", "{mode: uni100}"),
				"eval_args.mode must be full (got uni100): " + PROTOCOL);
		assertMessage(() -> cli("SASRec", "eval_args", "{group_by: none}"),
				"eval_args.group_by must be user (got none): " + PROTOCOL);
		assertMessage(() -> cli("SASRec", "eval_args", "{ordr: TO}"),
				"unknown eval_args key 'ordr' (did you mean 'order'?); eval_args has split, order, mode, group_by");
	}

	@Test
	void validMetricMustBeAComputedMetricAtAComputedCutoff() {
		assertMessage(() -> cli("SASRec", "valid_metric", "MRR10"),
				"key 'valid_metric' must be <metric>@<k> with a metric of Recall, MRR, NDCG, Hit, Precision (got 'MRR10')");
		assertMessage(() -> cli("SASRec", "valid_metric", "AUC@10"),
				"key 'valid_metric' must be <metric>@<k> with a metric of Recall, MRR, NDCG, Hit, Precision (got 'AUC@10')");
		assertMessage(() -> cli("SASRec", "valid_metric", "MRR@20"),
				"key 'valid_metric' uses k=20, which is not in topk [10]");
		assertMessage(() -> ErrorMessageTests.params("SASRec", Map.of("metrics", "[Recall]")),
				"key 'valid_metric' names MRR, which is not in metrics ['Recall']");
		Config config = ErrorMessageTests.params("SASRec", Map.of("topk", "[5, 20]", "valid_metric", "recall@20"));
		assertThat(config.getString("valid_metric")).isEqualTo("Recall@20");
	}

	@Test
	void boundsOnCountsAndRates() {
		assertMessage(() -> cli("SASRec", "topk", "[0, 10]"), "key 'topk' must hold positive integers (got [0, 10])");
		assertMessage(() -> cli("SASRec", "epochs", "0"), "key 'epochs' must be positive (got 0)");
		assertMessage(() -> cli("SASRec", "train_batch_size", "-1"),
				"key 'train_batch_size' must be positive (got -1)");
		assertMessage(() -> cli("SASRec", "eval_batch_size", "0"), "key 'eval_batch_size' must be positive (got 0)");
		assertMessage(() -> cli("SASRec", "eval_step", "0"), "key 'eval_step' must be positive (got 0)");
		assertMessage(() -> cli("SASRec", "MAX_ITEM_LIST_LENGTH", "0"),
				"key 'MAX_ITEM_LIST_LENGTH' must be positive (got 0)");
		assertMessage(() -> cli("SASRec", "stopping_step", "-1"), "key 'stopping_step' must be non-negative (got -1)");
		assertMessage(() -> cli("SASRec", "metric_decimal_place", "-2"),
				"key 'metric_decimal_place' must be non-negative (got -2)");
		assertMessage(() -> cli("SASRec", "learning_rate", "0"),
				"key 'learning_rate' must be greater than 0 (got 0.0)");
		assertThat(cli("SASRec", "stopping_step", "0").getInt("stopping_step")).isZero();
	}

	@Test
	void negativeSamplingMustBeOneUniformNegative() {
		String supported = "seqrec samples one uniform negative per row "
				+ "(set train_neg_sample_args to ~ to disable sampling)";
		assertMessage(() -> cli("SASRec", "train_neg_sample_args", "{distribution: popularity}"),
				"train_neg_sample_args.distribution must be uniform (got popularity): " + supported);
		assertMessage(() -> cli("SASRec", "train_neg_sample_args", "{sample_num: 5}"),
				"train_neg_sample_args.sample_num must be 1 (got 5): " + supported);
		assertMessage(() -> cli("SASRec", "train_neg_sample_args", "{dynamic: True}"),
				"train_neg_sample_args.dynamic must be False (got True): seqrec does not implement dynamic negative sampling");
		assertMessage(() -> cli("SASRec", "train_neg_sample_args", "{sample_nm: 1}"),
				"unknown train_neg_sample_args key 'sample_nm' (did you mean 'sample_num'?); "
						+ "train_neg_sample_args has distribution, sample_num, alpha, dynamic, candidate_num");
	}

	@Test
	void otherRecBoleRules() {
		assertMessage(() -> cli("SASRec", "repeatable", "False"),
				"key 'repeatable' must be True: sequential models only support repeatable recommendation, as in RecBole");
		assertMessage(() -> cli("SASRec", "load_col", "{inter: [user_id, item_id]}"),
				"key 'load_col' must load user_id, item_id, timestamp from inter, which sequential models need "
						+ "(got {'inter': ['user_id', 'item_id']})");
		assertThat(cli("SASRec", "load_col", "~").isNull("load_col")).isTrue();
		assertMessage(() -> cli("SASRec", "clip_grad_norm", "{norm_type: 2}"),
				"clip_grad_norm.max_norm must be a number greater than 0 (got None), e.g. {max_norm: 5, norm_type: 2}");
		assertMessage(() -> cli("SASRec", "metrics", "[]"), "keys 'metrics' and 'topk' must not be empty");
	}

}
