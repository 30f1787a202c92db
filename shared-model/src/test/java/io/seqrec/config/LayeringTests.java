package io.seqrec.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Layer priority (overall &lt; model &lt; dataset &lt; files in order &lt; parameters
 * &lt; command line), the {@code eval_args} sub-key merge and the {@code model} and
 * {@code dataset} keys.
 */
class LayeringTests {

	@TempDir
	Path dir;

	@Test
	void keySetInEveryExternalLayerResolvesToTheHighest() throws IOException {
		Path first = write("first.yaml", "MAX_ITEM_LIST_LENGTH: 10\n");
		Path second = write("second.yaml", "MAX_ITEM_LIST_LENGTH: 20\n");
		ConfigRequest base = ConfigRequest.of("SASRec", "ml-100k");
		assertThat(length(base)).isEqualTo(50);
		assertThat(length(base.withConfigFiles(first))).isEqualTo(10);
		assertThat(length(base.withConfigFiles(first, second))).isEqualTo(20);
		assertThat(length(base.withConfigFiles(second, first))).isEqualTo(10);
		ConfigRequest withParameters = base.withConfigFiles(first, second)
			.withParameters(Map.of("MAX_ITEM_LIST_LENGTH", 30));
		assertThat(length(withParameters)).isEqualTo(30);
		assertThat(length(withParameters.withCommandLine(Map.of("MAX_ITEM_LIST_LENGTH", "40")))).isEqualTo(40);
	}

	@Test
	void datasetFileIsAboveOverallAndBelowConfigFiles() throws IOException {
		assertThat(ConfigLoader.load(ConfigRequest.of("SASRec", "ml-100k")).getMap("load_col").get("inter"))
			.isEqualTo(List.of("user_id", "item_id", "rating", "timestamp"));
		Path file = write("cols.yaml", "load_col: {inter: [user_id, item_id, timestamp, extra]}\n");
		Config config = ConfigLoader.load(ConfigRequest.of("SASRec", "ml-100k").withConfigFiles(file));
		assertThat(config.getMap("load_col").get("inter"))
			.isEqualTo(List.of("user_id", "item_id", "timestamp", "extra"));
	}

	@Test
	void modelFileIsAboveOverallAndBelowExternalLayers() throws IOException {
		assertThat(ConfigLoader.load(ConfigRequest.of("SASRec", null)).getOptionalString("transform")).isNull();
		assertThat(ConfigLoader.load(ConfigRequest.of("BERT4Rec", null)).getString("transform"))
			.isEqualTo("mask_itemseq");
		Path file = write("layers.yaml", "n_layers: 3\n");
		ConfigRequest request = ConfigRequest.of("BERT4Rec", "ml-100k").withConfigFiles(file);
		assertThat(ConfigLoader.load(request).getInt("n_layers")).isEqualTo(3);
		assertThat(ConfigLoader.load(request.withParameters(Map.of("n_layers", 4))).getInt("n_layers")).isEqualTo(4);
		assertThat(ConfigLoader
			.load(request.withParameters(Map.of("n_layers", 4)).withCommandLine(Map.of("n_layers", "5")))
			.getInt("n_layers")).isEqualTo(5);
	}

	@Test
	void evalArgsSubKeysMergeOverTheDefaults() throws IOException {
		Path file = write("eval.yaml", "eval_args:\n  order: to\n");
		Config config = ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(file));
		assertThat(config.getMap("eval_args")).containsExactly(Map.entry("split", Map.of("LS", "valid_and_test")),
				Map.entry("order", "TO"), Map.entry("mode", "full"), Map.entry("group_by", "user"));
	}

	@Test
	void evalArgsModePerPhaseIsNormalised() {
		Config config = load(Map.of("eval_args", "{mode: {valid: full, test: full}}"));
		assertThat(config.getMap("eval_args").get("mode")).isEqualTo("full");
	}

	@Test
	void otherDictsAreReplacedWhole() {
		Config config = load(Map.of("load_col", "{inter: [user_id, item_id, timestamp]}"));
		assertThat(config.getMap("load_col")).containsOnlyKeys("inter");
		Config clipped = load(Map.of("clip_grad_norm", "{max_norm: 5}"));
		assertThat(clipped.getMap("clip_grad_norm")).containsExactly(Map.entry("max_norm", 5));
	}

	@Test
	void negativeSamplingSubKeysAreFilledFromDefaultsAsInRecBole() {
		Config config = load(Map.of("train_neg_sample_args", "{sample_num: 1}"));
		assertThat(config.getMap("train_neg_sample_args")).containsEntry("distribution", "uniform")
			.containsEntry("alpha", 1.0)
			.containsEntry("dynamic", false);
	}

	@Test
	void negativeSamplingCanBeDisabled() {
		assertThat(load(Map.of("train_neg_sample_args", "~")).isNull("train_neg_sample_args")).isTrue();
		assertThat(load(Map.of("train_neg_sample_args", "None")).isNull("train_neg_sample_args")).isTrue();
		assertThat(load(Map.of("train_neg_sample_args", "{distribution: none}")).isNull("train_neg_sample_args"))
			.isTrue();
	}

	@Test
	void modelAndDatasetKeysInFilesAgreeWithTheRequest() throws IOException {
		Path file = write("named.yaml", "model: sasrec\ndataset: ml-100k\nepochs: 5\n");
		Config config = ConfigLoader.load(ConfigRequest.of("SASRec", "ml-100k").withConfigFiles(file));
		assertThat(config.getInt("epochs")).isEqualTo(5);
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(ConfigRequest.of("BERT4Rec", null).withConfigFiles(file)))
			.withMessage("key 'model' is 'sasrec' but the requested model is BERT4Rec [in config file '" + file + "']");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(ConfigRequest.of("SASRec", "ml-1m").withConfigFiles(file)))
			.withMessageContaining("key 'dataset' is 'ml-100k' but the requested dataset is ml-1m");
	}

	@Test
	void datasetKeyFillsAMissingDatasetAndBringsItsFile() throws IOException {
		Path file = write("data.yaml", "dataset: ml-1m\n");
		ConfigRequest request = ConfigRequest.of("SASRec", null).withConfigFiles(file);
		assertThat(ConfigLoader.load(request).dataset()).isEqualTo("ml-1m");
		Config config = ConfigLoader.load(request.withCommandLine(Map.of("dataset", "ml-100k")));
		assertThat(config.dataset()).isEqualTo("ml-100k");
		assertThat(config.getMap("load_col").get("inter"))
			.isEqualTo(List.of("user_id", "item_id", "rating", "timestamp"));
	}

	@Test
	void emptyConfigFileChangesNothing() throws IOException {
		Path file = write("empty.yaml", "# nothing here\n");
		assertThat(ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(file)))
			.isEqualTo(ConfigLoader.load(ConfigRequest.of("SASRec", null)));
	}

	@Test
	void commandLineIsParsedAsRecBoleDoes() {
		Map<String, String> values = ConfigLoader.parseCommandLine(List.of("--epochs=3", "--topk=[5,10]", "--a=b=c"));
		assertThat(values).containsExactly(Map.entry("epochs", "3"), Map.entry("topk", "[5,10]"),
				Map.entry("a", "b=c"));
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.parseCommandLine(List.of("epochs=3")))
			.withMessage("command-line argument 'epochs=3' is not of the form --key=value");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.parseCommandLine(List.of("--epochs=3", "--epochs=4")))
			.withMessage("command-line key 'epochs' is given twice with different values ('3' and '4')");
	}

	@Test
	void commandLineKeysMayKeepTheirDashes() {
		assertThat(load(Map.of("--epochs", "7")).getInt("epochs")).isEqualTo(7);
	}

	private static int length(ConfigRequest request) {
		return ConfigLoader.load(request).getInt("MAX_ITEM_LIST_LENGTH");
	}

	private static Config load(Map<String, String> commandLine) {
		return ConfigLoader.load(ConfigRequest.of("SASRec", null).withCommandLine(commandLine));
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

}
