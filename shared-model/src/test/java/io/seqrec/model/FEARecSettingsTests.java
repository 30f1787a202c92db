package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigRequest;
import io.seqrec.nn.ContrastiveLosses.Similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * FEARec's settings bind every hyper-parameter of RecBole's FEARec, and the combinations
 * RecBole crashes on or silently ignores fail at configuration time, before any data is
 * read, naming the keys.
 */
class FEARecSettingsTests {

	private static FEARecSettings load(Map<String, String> commandLine) {
		return (FEARecSettings) ModelRegistry.settings(ModelRegistry
			.loadConfig(new ConfigRequest("FEARec", null, List.of(), Map.of(), new LinkedHashMap<>(commandLine))));
	}

	private static void assertRefused(Map<String, String> commandLine, String... fragments) {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> load(commandLine))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains(fragments));
	}

	@Test
	void theDefaultsAreRecBoles() {
		assertThat(load(Map.of())).isEqualTo(FEARecSettings.DEFAULTS);
		assertThat(FEARecSettings.DEFAULTS.ramp(50).bands()).hasSize(2);
		assertThat(FEARecSettings.DEFAULTS.delays(50)).isEqualTo(3);
	}

	@Test
	void theAuthorsSettingBindsAndSurvivesAnArtifact() {
		FEARecSettings authors = load(Map.of("contrast", "us_x", "tau", "1", "sim", "dot", "global_ratio", "0.6",
				"dual_domain", "True", "spatial_ratio", "0.1", "std", "True"));
		assertThat(authors.contrast()).isEqualTo(FEARecSettings.Contrast.US_X);
		assertThat(authors.sim()).isEqualTo(Similarity.DOT);
		assertThat(authors.tau()).isEqualTo(1f);
		assertThat(authors.globalRatio()).isEqualTo(0.6);
		assertThat(authors.dualDomain() && authors.std()).isTrue();
		assertThat(authors.toMap()).containsEntry("contrast", "us_x")
			.containsEntry("global_ratio", 0.6)
			.containsEntry("spatial_ratio", 0.1)
			.containsEntry("fredom_type", null);
		assertThat(FEARecSettings.from(HyperParameters.stored("FEARec", authors.toMap()))).isEqualTo(authors);
		FEARecSettings fredom = load(Map.of("contrast", "us_x", "tau", "0.5", "sim", "cos", "fredom", "True",
				"fredom_type", "us", "loss_type", "BPR", "topk_factor", "3"));
		assertThat(FEARecSettings.from(HyperParameters.stored("FEARec", fredom.toMap()))).isEqualTo(fredom);
	}

	@Test
	void oneLayerIsRefused() {
		assertRefused(Map.of("n_layers", "1"), "FEARec needs n_layers >= 2, got 1", "ZeroDivisionError");
	}

	@Test
	void anOddLengthIsRefusedWhereRecBoleNeedsAnEvenOne() {
		assertRefused(Map.of("dual_domain", "True", "MAX_ITEM_LIST_LENGTH", "49"),
				"dual_domain needs an even MAX_ITEM_LIST_LENGTH, got 49");
		// without the time branch RecBole runs an odd length (L - 1 delays)
		assertThat(load(Map.of("MAX_ITEM_LIST_LENGTH", "49")).ramp(49).bins()).isEqualTo(25);
	}

	@Test
	void contrastNeedsATemperatureAndASimilarity() {
		assertRefused(Map.of("contrast", "us_x", "sim", "dot"), "contrast us_x needs tau");
		assertRefused(Map.of("contrast", "un", "tau", "1"), "contrast un needs sim: dot or cos");
		assertRefused(Map.of("contrast", "su", "tau", "0", "sim", "dot"), "tau must be positive, got 0.0");
	}

	@Test
	void fredomNeedsContrastUsxAndAType() {
		assertRefused(Map.of("fredom", "True"), "fredom acts only with contrast us_x", "got contrast none");
		assertRefused(Map.of("fredom", "True", "contrast", "us", "tau", "1", "sim", "dot"), "got contrast us");
		assertRefused(Map.of("fredom", "True", "contrast", "us_x", "tau", "1", "sim", "dot"),
				"fredom needs fredom_type");
	}

	@Test
	void rangesAndUnsupportedKeysAreRefused() {
		assertRefused(Map.of("global_ratio", "1.5"), "global_ratio must be in (0, 1], got 1.5");
		assertRefused(Map.of("spatial_ratio", "2"), "spatial_ratio must be in [0, 1]");
		assertRefused(Map.of("topk_factor", "0"), "topk_factor must be at least 1");
		assertRefused(Map.of("topk_factor", "5", "MAX_ITEM_LIST_LENGTH", "10"),
				"topk_factor 5 with MAX_ITEM_LIST_LENGTH 10 gives 11 time delays");
		// L = 4: 3 bins in 4 local bands, the last one [0, 0)
		assertRefused(Map.of("global_ratio", "0.2", "n_layers", "4", "MAX_ITEM_LIST_LENGTH", "4"), "leaves layer");
		assertRefused(Map.of("use_filter", "True"), "use_filter is not supported");
		assertRefused(Map.of("loss_type", "NLL"), "key 'loss_type' must be one of CE, BPR");
	}

	@Test
	void allPositionsTrainingIsAClearConfigurationError() {
		assertRefused(Map.of("train_mode", "all_positions"), "train_mode all_positions does not apply to FEARec",
				"frequency branch", "use train_mode prefix");
		assertThat(FEARec.SPEC.trainModes()).containsExactly(TrainMode.PREFIX);
	}

}
