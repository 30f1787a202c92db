package io.seqrec.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static io.seqrec.config.ErrorMessageTests.assertMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link Config} API: typed getters, {@code with}, {@code asMap} and
 * {@code toString}.
 */
class ConfigTests {

	private final Config sasrec = ConfigLoader.load(ConfigRequest.of("SASRec", "ml-100k"));

	@Test
	void gettersRejectUnknownKeysWrongTypesAndNulls() {
		assertThat(this.sasrec.has("hidden_size")).isTrue();
		assertThat(this.sasrec.has("mask_ratio")).isFalse();
		assertMessage(() -> this.sasrec.getInt("hiden_size"),
				"unknown key 'hiden_size' for SASRec (did you mean 'hidden_size'?)");
		assertMessage(() -> this.sasrec.isNull("mask_ratio"), "'mask_ratio' is a BERT4Rec setting, not a SASRec one");
		assertMessage(() -> this.sasrec.getInt("learning_rate"),
				"key 'learning_rate' is a float (float), not an integer");
		assertMessage(() -> this.sasrec.getString("clip_grad_norm"),
				"key 'clip_grad_norm' is a dict (dict?), not a string");
		assertMessage(() -> this.sasrec.getMap("clip_grad_norm"), "key 'clip_grad_norm' is not set (null) for SASRec");
		assertThat(this.sasrec.getOptionalMap("clip_grad_norm")).isNull();
		assertThat(this.sasrec.getDouble("epochs")).isEqualTo(300.0);
		assertThat(this.sasrec.getFloat("layer_norm_eps")).isEqualTo(1e-12f);
		assertThat(this.sasrec.getLong("seed")).isEqualTo(2020L);
	}

	@Test
	void valuesAreImmutable() {
		Map<String, Object> evalArgs = this.sasrec.getMap("eval_args");
		evalArgs.put("order", "RO");
		assertThat(this.sasrec.getMap("eval_args")).containsEntry("order", "TO");
		Map<String, Object> all = this.sasrec.asMap();
		all.put("epochs", 1);
		assertThat(this.sasrec.getInt("epochs")).isEqualTo(300);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> this.sasrec.getIntList("topk").add(5));
	}

	@Test
	void withReturnsARevalidatedCopy() {
		Config tuned = this.sasrec.with(Map.of("learning_rate", 0.01, "hidden_size", 128.0, "topk", "[5,10]"));
		assertThat(tuned.getDouble("learning_rate")).isEqualTo(0.01);
		assertThat(tuned.getInt("hidden_size")).isEqualTo(128);
		assertThat(tuned.getIntList("topk")).containsExactly(5, 10);
		assertThat(tuned.dataset()).isEqualTo("ml-100k");
		assertThat(this.sasrec.getDouble("learning_rate")).isEqualTo(0.001);
		assertThat(tuned.with(Map.of("eval_args", Map.of("mode", "full")))).isEqualTo(tuned);
		assertMessage(() -> this.sasrec.with(Map.of("topk", "[5]")),
				"key 'valid_metric' uses k=10, which is not in topk [5]");
		assertMessage(() -> this.sasrec.with(Map.of("loss_type", "XE")),
				"key 'loss_type' must be one of CE, BPR (got 'XE') [in overrides]");
		assertMessage(() -> this.sasrec.with(Map.of("model", "SINE")),
				"key 'model' is 'SINE' but the requested model is SASRec [in overrides]");
	}

	@Test
	void asMapIsOrderedAndRoundTripsThroughJson() {
		Config bert = ConfigLoader.load(ConfigRequest.of("BERT4Rec", "ml-100k")
			.withParameters(Map.of("clip_grad_norm", Map.of("max_norm", 5, "norm_type", 2))));
		Map<String, Object> values = bert.asMap();
		List<String> keys = List.copyOf(values.keySet());
		assertThat(keys.get(0)).isEqualTo("seed");
		assertThat(keys.indexOf("transform")).isLessThan(keys.indexOf("MAX_ITEM_LIST_LENGTH"));
		assertThat(keys.subList(keys.indexOf("n_layers"), keys.size())).containsExactly("n_layers", "n_heads",
				"hidden_size", "inner_size", "hidden_dropout_prob", "attn_dropout_prob", "hidden_act", "layer_norm_eps",
				"initializer_range", "mask_ratio", "loss_type", "ft_ratio");
		JsonMapper json = JsonMapper.builder().build();
		String text = json.writeValueAsString(values);
		@SuppressWarnings("unchecked")
		Map<String, Object> read = json.readValue(text, Map.class);
		assertThat(read).isEqualTo(values);
		assertThat(ConfigLoader.load(ConfigRequest.of("BERT4Rec", "ml-100k").withParameters(read))).isEqualTo(bert);
	}

	@Test
	void toStringRendersSectionsAsRecBoleLogsThem() {
		String text = ConfigLoader.load(ConfigRequest.of("BERT4Rec", "ml-100k")).toString();
		assertThat(text).startsWith("model = BERT4Rec\ndataset = ml-100k\n\nEnvironment Settings:\nseed = 2020\n");
		assertThat(text).contains("\nTraining Settings:\nepochs = 300\n")
			.contains("\nlearning_rate = 0.001\n")
			.contains("\nclip_grad_norm = None\n")
			.contains("\neval_args = {'split': {'LS': 'valid_and_test'}, 'order': 'TO', 'mode': 'full', "
					+ "'group_by': 'user'}\n")
			.contains("\nmetrics = ['Recall', 'MRR', 'NDCG', 'Hit', 'Precision']\n")
			.contains("\nfield_separator = \\t\n")
			.contains("\nreproducibility = True\n")
			.contains("\nBERT4Rec Hyper Parameters:\nn_layers = 2\n")
			.contains("\nlayer_norm_eps = 1e-12\n")
			.contains("\ntransform = mask_itemseq\n");
		assertThat(text.indexOf("transform =")).isGreaterThan(text.indexOf("BERT4Rec Hyper Parameters:"));
	}

	@Test
	void popHasNoModelSection() {
		String text = ConfigLoader.load(ConfigRequest.of("Pop", null)).toString();
		assertThat(text).startsWith("model = Pop\ndataset = None\n").endsWith("\nMAX_ITEM_LIST_LENGTH = 50\n");
		assertThat(text).doesNotContain("Hyper Parameters");
	}

	@Test
	void pythonFloatRepr() {
		assertThat(PythonFloat.repr(1e-12)).isEqualTo("1e-12");
		assertThat(PythonFloat.repr(1.5e-5)).isEqualTo("1.5e-05");
		assertThat(PythonFloat.repr(0.0001)).isEqualTo("0.0001");
		assertThat(PythonFloat.repr(300.0)).isEqualTo("300.0");
		assertThat(PythonFloat.repr(1e16)).isEqualTo("1e+16");
		assertThat(PythonFloat.repr(-2.5)).isEqualTo("-2.5");
		assertThat(PythonFloat.repr(0.0)).isEqualTo("0.0");
	}

}
