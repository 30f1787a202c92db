package io.seqrec.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SINE's hyper-parameters: RecBole's defaults, validation at configuration time, BPR's
 * negatives from {@code train_neg_sample_args}, prefix training only, and the round trip
 * through an artifact's stored values.
 */
class SINESettingsTests {

	private static Config load(Map<String, String> commandLine) {
		return ModelRegistry.loadConfig(new ConfigRequest("SINE", null, List.of(), Map.of(), commandLine));
	}

	@Test
	void theDefaultsAreRecBoles() {
		assertThat(ModelRegistry.settings(load(Map.of()))).isEqualTo(SINESettings.DEFAULTS);
		assertThat(SINESettings.DEFAULTS.toMap()).containsExactly(Map.entry("embedding_size", 64),
				Map.entry("layer_norm_eps", 1e-12), Map.entry("prototype_size", 50), Map.entry("interest_size", 3),
				Map.entry("tau_ratio", 0.1), Map.entry("reg_loss_ratio", 0.5), Map.entry("loss_type", "CE"));
	}

	@Test
	void invalidValuesFailAtConfigurationTime() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("interest_size", "60")))
			.withMessage("interest_size (60) must not exceed prototype_size (50): each interest is one prototype");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("tau_ratio", "0")))
			.withMessage("tau_ratio must be a positive temperature, got 0.0");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("reg_loss_ratio", "-1")))
			.withMessage("reg_loss_ratio must be zero or positive, got -1.0");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("embedding_size", "0")))
			.withMessage("embedding_size must be positive, got 0");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("layer_norm_eps", "0")))
			.withMessage("layer_norm_eps must be positive, got 0.0");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("loss_type", "XE")))
			.withMessageContaining("must be one of CE, BPR, NLL");
	}

	@Test
	void onlyBprSamplesNegativesAndNeedsThem() {
		assertThat(ModelRegistry.settings(load(Map.of("loss_type", "BPR"))).needsSampledNegatives()).isTrue();
		assertThat(ModelRegistry.settings(load(Map.of("loss_type", "NLL"))).needsSampledNegatives()).isFalse();
		assertThat(ModelRegistry.settings(load(Map.of())).needsSampledNegatives()).isFalse();
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> load(Map.of("loss_type", "BPR", "train_neg_sample_args", "~")))
			.withMessageContaining("SINE with loss_type BPR needs one sampled negative per row");
		assertThat(load(Map.of("loss_type", "NLL", "train_neg_sample_args", "~")).model()).isEqualTo("SINE");
	}

	@Test
	void allPositionsTrainingIsRefusedWithItsReason() {
		assertThat(SINE.SPEC.trainModes()).containsExactly(TrainMode.PREFIX);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(Map.of("train_mode", "all_positions")))
			.withMessageStartingWith("train_mode all_positions does not apply to SINE: SINE pools the whole history")
			.withMessageEndingWith("; use train_mode prefix");
	}

	@Test
	void storedValuesRebuildTheModelOverTodaysDefaults() {
		Map<String, Object> stored = Map.of("embedding_size", 16, "prototype_size", 8, "loss_type", "NLL");
		SequentialRecommender model = ModelRegistry.rebuild("sine", stored, new ModelContext(20, 7, null));
		assertThat(model).isInstanceOf(SINE.class);
		assertThat(model.hyperParameters()).containsEntry("embedding_size", 16)
			.containsEntry("prototype_size", 8)
			.containsEntry("interest_size", 3)
			.containsEntry("loss_type", "NLL");
	}

}
