package io.seqrec.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values are coerced by the schema type, not by YAML's guess.
 */
class CoercionTests {

	@TempDir
	Path dir;

	@Test
	void scientificNotationIsAFloatForAFloatKey() {
		assertThat(cli("SASRec", "learning_rate", "1e-3").get("learning_rate")).isEqualTo(0.001);
		assertThat(cli("SASRec", "layer_norm_eps", "1E-5").get("layer_norm_eps")).isEqualTo(1e-5);
		assertThat(cli("SASRec", "learning_rate", ".5").get("learning_rate")).isEqualTo(0.5);
		assertThat(cli("SASRec", "weight_decay", "0").get("weight_decay")).isEqualTo(0.0);
	}

	@Test
	void integralFloatsAreIntegersForAnIntKey() {
		assertThat(cli("SASRec", "hidden_size", "64.0").get("hidden_size")).isEqualTo(64);
		Config tuned = ConfigLoader.load(ConfigRequest.of("SASRec", null).withParameters(Map.of("hidden_size", 128.0)));
		assertThat(tuned.get("hidden_size")).isEqualTo(128);
		assertThat(cli("SASRec", "seed", "+3").get("seed")).isEqualTo(3);
		assertThat(cli("SASRec", "seed", "12345678901").getLong("seed")).isEqualTo(12345678901L);
	}

	@Test
	void nullSpellingsAreNull() {
		for (String spelling : List.of("None", "~", "null", "NULL")) {
			Config config = cli("FEARec", "contrast", spelling);
			assertThat(config.isNull("contrast")).as(spelling).isTrue();
		}
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("tau", null);
		assertThat(ConfigLoader.load(ConfigRequest.of("FEARec", null).withParameters(parameters)).isNull("tau"))
			.isTrue();
	}

	@Test
	void recBoleNoneStringInAYamlFileIsNull() throws IOException {
		Path file = Files.writeString(this.dir.resolve("fearec.yaml"),
				"fredom_type: None\nclip_grad_norm: ~\nrm_dup_inter: None\n");
		Config config = ConfigLoader.load(ConfigRequest.of("FEARec", null).withConfigFiles(file));
		assertThat(config.isNull("fredom_type")).isTrue();
		assertThat(config.isNull("clip_grad_norm")).isTrue();
		assertThat(config.isNull("rm_dup_inter")).isTrue();
	}

	@Test
	void booleansInPythonAndYamlSpelling() {
		assertThat(cli("FEARec", "dual_domain", "True").getBoolean("dual_domain")).isTrue();
		assertThat(cli("FEARec", "dual_domain", "true").getBoolean("dual_domain")).isTrue();
		assertThat(cli("SASRec", "shuffle", "false").getBoolean("shuffle")).isFalse();
		assertThat(cli("SASRec", "shuffle", "FALSE").getBoolean("shuffle")).isFalse();
	}

	@Test
	void listsFromStrings() {
		assertThat(cli("SASRec", "topk", "[5,10]").getIntList("topk")).containsExactly(5, 10);
		assertThat(cli("SASRec", "topk", "[5, 10, 20.0]").getIntList("topk")).containsExactly(5, 10, 20);
		assertThat(cli("SASRec", "topk", "10").getIntList("topk")).containsExactly(10);
		assertThat(cli("SASRec", "metrics", "['recall', 'mrr']").getStringList("metrics")).containsExactly("Recall",
				"MRR");
		assertThat(cli("SASRec", "metrics", "MRR").getStringList("metrics")).containsExactly("MRR");
		Config tuned = ConfigLoader.load(ConfigRequest.of("SASRec", null).withParameters(Map.of("topk", "[10,20]")));
		assertThat(tuned.getIntList("topk")).containsExactly(10, 20);
	}

	@Test
	void dictsFromStrings() {
		assertThat(cli("SASRec", "eval_args", "{order: TO}").getMap("eval_args")).containsEntry("order", "TO");
		assertThat(cli("SASRec", "eval_args", "{'split': {'LS': 'valid_and_test'}, 'order': 'TO'}").getMap("eval_args"))
			.containsEntry("split", Map.of("LS", "valid_and_test"));
		assertThat(cli("SASRec", "clip_grad_norm", "{'max_norm': 5, 'norm_type': 2.0}").getMap("clip_grad_norm"))
			.containsExactly(Map.entry("max_norm", 5), Map.entry("norm_type", 2.0));
		Map<String, Object> interval = cli("SASRec", "val_interval", "{rating: '[3,inf)', timestamp: None}")
			.getMap("val_interval");
		assertThat(interval).containsOnlyKeys("rating", "timestamp").containsEntry("rating", "[3,inf)");
		assertThat(interval.get("timestamp")).isNull();
	}

	@Test
	void choicesMatchCaseInsensitivelyAndAreStoredCanonically() {
		assertThat(cli("SASRec", "loss_type", "bpr").getString("loss_type")).isEqualTo("BPR");
		assertThat(cli("SASRec", "hidden_act", "ReLU").getString("hidden_act")).isEqualTo("relu");
		assertThat(cli("FEARec", "contrast", "US_X").getString("contrast")).isEqualTo("us_x");
		assertThat(cli("SINE", "loss_type", "nll").getString("loss_type")).isEqualTo("NLL");
		assertThat(cli("SASRec", "valid_metric", "ndcg@10").getString("valid_metric")).isEqualTo("NDCG@10");
	}

	@Test
	void modelNamesMatchCaseInsensitively() {
		assertThat(ConfigLoader.load(ConfigRequest.of("sasrec", null)).model()).isEqualTo("SASRec");
		assertThat(ConfigLoader.load(ConfigRequest.of("BERT4REC", null)).model()).isEqualTo("BERT4Rec");
		assertThat(ConfigLoader.load(ConfigRequest.of(" fearec ", null)).model()).isEqualTo("FEARec");
		assertThat(ConfigLoader.load(ConfigRequest.of("pop", null)).model()).isEqualTo("Pop");
	}

	@Test
	void stringsStayStringsAndCommandLineQuotesAreRemoved() {
		assertThat(cli("SASRec", "data_path", "/data/recbole/").getString("data_path")).isEqualTo("/data/recbole/");
		assertThat(cli("SASRec", "data_path", "'my data/'").getString("data_path")).isEqualTo("my data/");
		assertThat(cli("SASRec", "field_separator", "\",\"").getString("field_separator")).isEqualTo(",");
		assertThat(cli("SASRec", "data_path", "[dir]").getString("data_path")).isEqualTo("[dir]");
		Config numeric = ConfigLoader.load(ConfigRequest.of("SASRec", null).withParameters(Map.of("data_path", 7)));
		assertThat(numeric.getString("data_path")).isEqualTo("7");
	}

	private static Config cli(String model, String key, String value) {
		return ConfigLoader.load(ConfigRequest.of(model, null).withCommandLine(Map.of(key, value)));
	}

}
