package io.seqrec.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults of each {@code model/<Model>.yaml}, as MODELS.md sections 3 to 6 list
 * them.
 */
class ModelDefaultsTests {

	@Test
	void sasrec() {
		Config config = load("SASRec");
		assertTransformer(config, 0.5);
		assertThat(config.getString("loss_type")).isEqualTo("CE");
		assertThat(config.getOptionalString("transform")).isNull();
	}

	@Test
	void bert4rec() {
		Config config = load("BERT4Rec");
		assertTransformer(config, 0.2);
		assertThat(config.getDouble("mask_ratio")).isEqualTo(0.2);
		assertThat(config.getDouble("ft_ratio")).isEqualTo(0.5);
		assertThat(config.getString("loss_type")).isEqualTo("CE");
		assertThat(config.getString("transform")).isEqualTo("mask_itemseq");
	}

	@Test
	void fearec() {
		Config config = load("FEARec");
		assertTransformer(config, 0.5);
		assertThat(config.getString("loss_type")).isEqualTo("CE");
		assertThat(config.getDouble("lmd")).isEqualTo(0.1);
		assertThat(config.getDouble("lmd_sem")).isEqualTo(0.1);
		assertThat(config.getDouble("global_ratio")).isEqualTo(1.0);
		assertThat(config.getBoolean("dual_domain")).isFalse();
		assertThat(config.getBoolean("std")).isFalse();
		assertThat(config.getDouble("spatial_ratio")).isEqualTo(0.0);
		assertThat(config.getBoolean("fredom")).isFalse();
		assertThat(config.getOptionalString("fredom_type")).isNull();
		assertThat(config.getInt("topk_factor")).isEqualTo(1);
		assertThat(config.getOptionalString("contrast")).isNull();
		assertThat(config.isNull("tau")).isTrue();
		assertThat(config.getOptionalString("sim")).isNull();
		assertThat(config.isNull("use_filter")).isTrue();
	}

	@Test
	void sine() {
		Config config = load("SINE");
		assertThat(config.getInt("embedding_size")).isEqualTo(64);
		assertThat(config.getDouble("layer_norm_eps")).isEqualTo(1e-12);
		assertThat(config.getInt("prototype_size")).isEqualTo(50);
		assertThat(config.getInt("interest_size")).isEqualTo(3);
		assertThat(config.getDouble("tau_ratio")).isEqualTo(0.1);
		assertThat(config.getDouble("reg_loss_ratio")).isEqualTo(0.5);
		assertThat(config.getString("loss_type")).isEqualTo("CE");
	}

	@Test
	void popHasOnlyOverallKeys() {
		Config config = load("Pop");
		assertThat(config.asMap()).containsOnlyKeys(load("SASRec").asMap()
			.keySet()
			.stream()
			.filter((key) -> !ConfigSchema.forModel("SASRec").declaresInModelFile(key))
			.toList());
	}

	private static Config load(String model) {
		return ConfigLoader.load(ConfigRequest.of(model, null));
	}

	private static void assertTransformer(Config config, double dropout) {
		assertThat(config.getInt("n_layers")).isEqualTo(2);
		assertThat(config.getInt("n_heads")).isEqualTo(2);
		assertThat(config.getInt("hidden_size")).isEqualTo(64);
		assertThat(config.getInt("inner_size")).isEqualTo(256);
		assertThat(config.getDouble("hidden_dropout_prob")).isEqualTo(dropout);
		assertThat(config.getDouble("attn_dropout_prob")).isEqualTo(dropout);
		assertThat(config.getString("hidden_act")).isEqualTo("gelu");
		assertThat(config.getDouble("layer_norm_eps")).isEqualTo(1e-12);
		assertThat(config.getDouble("initializer_range")).isEqualTo(0.02);
	}

}
