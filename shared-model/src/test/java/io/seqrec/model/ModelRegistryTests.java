package io.seqrec.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigRequest;
import io.seqrec.config.ConfigSchema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry is the one list of models: names, configuration checks made before any
 * data is read, and rebuilding saved models.
 */
class ModelRegistryTests {

	private static Config load(String model, Map<String, String> commandLine) {
		return ModelRegistry.loadConfig(new ConfigRequest(model, null, List.of(), Map.of(), commandLine));
	}

	@Test
	void everyImplementedModelHasDefaultsAndLoadsItsConfiguration() {
		assertThat(ModelRegistry.names()).contains("SASRec", "Pop").doesNotHaveDuplicates();
		assertThat(ConfigSchema.MODEL_FILES).containsAll(ModelRegistry.names());
		for (ModelSpec<?> spec : ModelRegistry.specs()) {
			assertThat(load(spec.name().toLowerCase(java.util.Locale.ROOT), Map.of()).model()).isEqualTo(spec.name());
			assertThat(spec.summary()).as(spec.name()).isNotBlank();
			assertThat(spec.trainModes()).as(spec.name()).isNotEmpty();
		}
	}

	@Test
	void aModelThatIsNotImplementedNamesTheImplementedOnes() {
		String implemented = String.join(", ", ModelRegistry.names());
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("GRU4Rec", Map.of()))
			.withMessage("model 'GRU4Rec' is not implemented; seqrec implements " + implemented);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("SASRek", Map.of()))
			.withMessage(
					"model 'SASRek' is not implemented (did you mean 'SASRec'?); seqrec implements " + implemented);
		for (String model : ConfigSchema.MODEL_FILES) {
			if (!ModelRegistry.names().contains(model)) {
				assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(model, Map.of()))
					.withMessageContaining("'" + model + "' is not implemented");
			}
		}
	}

	@Test
	void invalidHyperParametersFailAtConfigurationTime() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("SASRec", Map.of("n_heads", "3")))
			.withMessage("hidden_size (64) is not divisible by n_heads (3)");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> load("SASRec", Map.of("hidden_dropout_prob", "1.0")))
			.withMessage("hidden_dropout_prob must be in [0, 1), got 1.0");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("SASRec", Map.of("loss_type", "NLL")))
			.withMessageContaining("key 'loss_type' must be one of CE, BPR (got 'NLL')");
	}

	@Test
	void bprNeedsNegativesToSample() {
		assertThat(load("SASRec", Map.of("loss_type", "BPR")).getMap("train_neg_sample_args"))
			.containsEntry("distribution", "uniform");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> load("SASRec", Map.of("loss_type", "BPR", "train_neg_sample_args", "~")))
			.withMessageContaining("SASRec with loss_type BPR needs one sampled negative per row");
		// CE draws none, whatever the setting
		assertThat(load("SASRec", Map.of("train_neg_sample_args", "~")).isNull("train_neg_sample_args")).isTrue();
	}

	@Test
	void aTransformIsAcceptedOnlyByTheModelThatNeedsIt() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> load("SASRec", Map.of("transform", "mask_itemseq")))
			.withMessage("transform mask_itemseq does not apply to SASRec, which takes no batch transform; "
					+ "remove it or set it to ~");
		ModelSpec<ModelSettings> needsOne = ModelSpec
			.builder("SASRec", ModelSettings.class, (values) -> ModelSettings.NONE, (settings, context) -> null)
			.optTransform("mask_itemseq")
			.build();
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ModelRegistry.check(needsOne, load("SASRec", Map.of())))
			.withMessage("SASRec needs transform mask_itemseq (got none)");
	}

	@Test
	void bert4RecNeedsItsClozeTransformAndDrawsItsOwnNegatives() {
		Config config = load("BERT4Rec", Map.of());
		assertThat(config.getString("transform")).isEqualTo("mask_itemseq");
		assertThat(BERT4Rec.SPEC.transform()).isEqualTo("mask_itemseq");
		assertThat(BERT4Rec.SPEC.trainModes()).containsExactlyInAnyOrder(TrainMode.PREFIX, TrainMode.ALL_POSITIONS);
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("BERT4Rec", Map.of("transform", "~")))
			.withMessageContaining("key 'transform' must not be null");
		// BPR negatives come from the cloze transform, not from train_neg_sample_args
		assertThat(load("BERT4Rec", Map.of("loss_type", "BPR", "train_neg_sample_args", "~")).getString("loss_type"))
			.isEqualTo("BPR");
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load("BERT4Rec", Map.of("mask_ratio", "1.5")))
			.withMessage("mask_ratio must be in (0, 1], got 1.5");
	}

	@Test
	void anUnsupportedTrainModeIsAConfigurationErrorWithItsReason() {
		ModelSpec<ModelSettings> prefixOnly = ModelSpec
			.builder("SASRec", ModelSettings.class, (values) -> ModelSettings.NONE, (settings, context) -> null)
			.optUnsupported(TrainMode.ALL_POSITIONS, "it reads future positions")
			.build();
		assertThat(prefixOnly.trainModes()).containsExactly(TrainMode.PREFIX);
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ModelRegistry.check(prefixOnly, load("SASRec", Map.of("train_mode", "all_positions"))))
			.withMessage("train_mode all_positions does not apply to SASRec: it reads future positions; "
					+ "use train_mode prefix");
	}

	@Test
	void savedHyperParametersRebuildTheModelOverTodaysDefaults() {
		Map<String, Object> stored = Map.of("hidden_size", 32, "n_heads", 4, "retired_key", "x");
		SequentialRecommender model = ModelRegistry.rebuild("sasrec", stored, new ModelContext(20, 7, null));
		assertThat(model).isInstanceOf(SASRec.class);
		assertThat(model.maxSeqLength()).isEqualTo(7);
		assertThat(model.hyperParameters()).containsEntry("hidden_size", 32)
			.containsEntry("n_heads", 4)
			.containsEntry("inner_size", 256)
			.containsEntry("initializer_range", 0.02)
			.doesNotContainKey("retired_key");
	}

}
