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
 * Fast training ({@code all_positions}) is the trainer's default only for models that
 * support it: FEARec stays on RecBole's prefix training, and asking it for
 * {@code all_positions} explicitly is a configuration error with the reason.
 */
class TrainerPropertiesTests {

	private static TrainerProperties properties(String model, Map<String, String> config) {
		return new TrainerProperties(model, model.toLowerCase(java.util.Locale.ROOT), config, true, Path.of("models"),
				new TrainerProperties.Schedule(null, null, 0, java.time.Duration.ofSeconds(30)),
				new TrainerProperties.Gate("ndcg@10", 0.0), 10);
	}

	private static Config load(TrainerProperties properties) {
		return ModelRegistry.loadConfig(properties.configRequest());
	}

	@Test
	void sasrecTrainsFastByDefault() {
		assertThat(load(properties("SASRec", Map.of())).getString("train_mode")).isEqualTo("all_positions");
		assertThat(load(properties("SASRec", Map.of("train_mode", "prefix"))).getString("train_mode"))
			.isEqualTo("prefix");
	}

	@Test
	void fearecStaysOnPrefixTraining() {
		Config config = load(properties("FEARec", Map.of("epochs", "3")));
		assertThat(config.model()).isEqualTo("FEARec");
		assertThat(config.getString("train_mode")).isEqualTo("prefix");
		assertThat(config.getInt("epochs")).isEqualTo(3);
	}

	@Test
	void fearecAskedForAllPositionsNamesTheReason() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> load(properties("FEARec", Map.of("train_mode", "all_positions"))))
			.withMessageContaining("train_mode all_positions does not apply to FEARec")
			.withMessageContaining("frequency branch");
	}

}
