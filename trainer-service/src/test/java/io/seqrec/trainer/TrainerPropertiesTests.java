package io.seqrec.trainer;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigException;
import io.seqrec.model.ModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The trainer's run configuration: fast training picks {@code train_mode: all_positions}
 * for every model that supports it, unless the configuration sets a mode itself; FEARec
 * stays on RecBole's prefix training, and asking it for {@code all_positions} explicitly
 * is a configuration error with the reason.
 */
class TrainerPropertiesTests {

	private static TrainerProperties properties(String model, Map<String, String> config, boolean fast) {
		return new TrainerProperties(model, model.toLowerCase(java.util.Locale.ROOT), config, fast, Path.of("models"),
				new TrainerProperties.Schedule(null, null, 0, java.time.Duration.ofSeconds(30)),
				new TrainerProperties.Gate("ndcg@10", 0.0), 10, java.util.List.of(), null);
	}

	private static Config config(TrainerProperties properties) {
		return ModelRegistry.loadConfig(properties.configRequest());
	}

	@Test
	void fastTrainingTrainsBert4RecOnWindowsWithItsClozeTransform() {
		Config config = config(properties("BERT4Rec", Map.of(), true));
		assertThat(config.model()).isEqualTo("BERT4Rec");
		assertThat(config.getString("train_mode")).isEqualTo("all_positions");
		assertThat(config.getString("transform")).isEqualTo("mask_itemseq");
	}

	@Test
	void aConfiguredTrainModeOrSlowTrainingKeepsRecBolesPrefixes() {
		assertThat(config(properties("BERT4Rec", Map.of("train_mode", "prefix"), true)).getString("train_mode"))
			.isEqualTo("prefix");
		assertThat(config(properties("BERT4Rec", Map.of(), false)).getString("train_mode")).isEqualTo("prefix");
		assertThat(config(properties("SASRec", Map.of(), true)).getString("train_mode")).isEqualTo("all_positions");
	}

	@Test
	void fearecStaysOnPrefixTrainingUnderFastTraining() {
		Config config = config(properties("FEARec", Map.of("epochs", "3"), true));
		assertThat(config.model()).isEqualTo("FEARec");
		assertThat(config.getString("train_mode")).isEqualTo("prefix");
		assertThat(config.getInt("epochs")).isEqualTo(3);
	}

	@Test
	void fearecAskedForAllPositionsNamesTheReason() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> config(properties("FEARec", Map.of("train_mode", "all_positions"), true)))
			.withMessageContaining("train_mode all_positions does not apply to FEARec")
			.withMessageContaining("frequency branch");
	}

}
