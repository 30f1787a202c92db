package io.seqrec.tune;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TuneResultsTests {

	private static Map<String, Object> params(Object... keyValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			params.put((String) keyValues[i], keyValues[i + 1]);
		}
		return params;
	}

	private static Map<String, Double> result(Object... keyValues) {
		Map<String, Double> result = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			result.put((String) keyValues[i], (Double) keyValues[i + 1]);
		}
		return result;
	}

	private static TrialResult trial(int number, Map<String, Object> params, Map<String, Double> valid,
			Map<String, Double> test) {
		return new TrialResult(number, params, TrialStatus.FINISHED, valid.values().iterator().next(), valid, test, 3,
				5, 1.5, List.of(), null);
	}

	/**
	 * The expected text comes from RecBole's own {@code params2str} and
	 * {@code export_result} ({@code src/test/resources/tune/make-export.py}).
	 */
	@Test
	void exportMatchesRecBolesOutputFile() throws IOException {
		Map<String, Object> sasrec = params("attn_dropout_prob", 0.2, "hidden_dropout_prob", 0.5, "learning_rate",
				0.001, "n_heads", 2, "n_layers", 1);
		List<TrialResult> trials = List.of(
				trial(1, sasrec,
						result("recall@10", 0.1234, "mrr@10", 0.05, "ndcg@10", 0.0661, "hit@10", 0.1234, "precision@10",
								0.0123),
						result("recall@10", 0.1103, "mrr@10", 0.0401, "ndcg@10", 0.0566, "hit@10", 0.1103,
								"precision@10", 0.011)),
				trial(2, params("hidden_act", "gelu", "hidden_size", 64.0, "learning_rate", Math.exp(-8), "mlp",
						"[64,64]"), result("recall@10", 0.0, "ndcg@10", 1.0),
						result("recall@10", 0.0001, "ndcg@10", 0.9999)),
				trial(3, sasrec, result("recall@10", 0.2, "mrr@10", 0.06), result("recall@10", 0.3, "mrr@10", 0.07)),
				TrialResult.failed(4, params("n_layers", 9), 0.1, "invalid"));
		String expected;
		try (InputStream in = getClass().getResourceAsStream("/tune/recbole-export.result")) {
			expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(TuneResults.export(trials)).isEqualTo(expected);
	}

	@Test
	void runningParametersPrintAsAPythonDict() {
		assertThat(TuneResults
			.pythonDict(params("a", 0.2, "b", "[64,64]", "c", 64.0, "d", List.of(1, 2), "e", null, "f", true)))
			.isEqualTo("{'a': 0.2, 'b': '[64,64]', 'c': 64.0, 'd': [1, 2], 'e': None, 'f': True}");
		assertThat(TuneResults.paramsString(params("b", "[64,64]", "c", 1e-5, "d", List.of(1, 2))))
			.isEqualTo("b:[64,64], c:1e-05, d:[1, 2]");
	}

}
