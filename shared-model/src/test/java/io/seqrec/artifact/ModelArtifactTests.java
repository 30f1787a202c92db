package io.seqrec.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigLoader;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.BatchFields;
import io.seqrec.data.InteractionTable;
import io.seqrec.data.SequenceBatch;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelRegistry;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.train.TrainingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelArtifactTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dir;

	private static InteractionTable interactions() {
		List<String> users = new ArrayList<>();
		List<String> items = new ArrayList<>();
		int rows = 40 * 10;
		double[] times = new double[rows];
		for (int u = 0; u < 40; u++) {
			for (int t = 0; t < 10; t++) {
				users.add("user-" + u);
				items.add("item-" + ((u + t * 3) % 25));
				times[u * 10 + t] = t;
			}
		}
		return InteractionTable.of(users, items, times);
	}

	private static Config config(String model) {
		return ConfigLoader.load(new ConfigRequest(model, "tiny", List.of(), Map.of(), Map.of("epochs", "2",
				"MAX_ITEM_LIST_LENGTH", "6", "hidden_size", "16", "inner_size", "32", "train_batch_size", "64")));
	}

	private static Config popConfig() {
		return ConfigLoader
			.load(new ConfigRequest("Pop", "tiny", List.of(), Map.of(), Map.of("MAX_ITEM_LIST_LENGTH", "6")));
	}

	private static float[] scores(io.seqrec.model.SequentialRecommender model, NDManager manager) {
		SequenceBatch batch = new SequenceBatch(2)
			.put(BatchFields.ITEM_SEQ, new int[] { 1, 2, 3, 0, 0, 0, 4, 0, 0, 0, 0, 0 }, 2, 6)
			.put(BatchFields.ITEM_SEQ_LEN, new int[] { 3, 1 }, 2);
		NDList inputs = batch.toNDList(manager);
		return model.fullSortPredict(new ParameterStore(manager, false), inputs).toFloatArray();
	}

	@Test
	void savedArtifactReloadsWithIdenticalScoresAndEverything() {
		SequentialDataset data = Datasets.prepare(config("SASRec"), interactions());
		Path artifact = this.dir.resolve("SASRec/1");
		float[] expected;
		try (Experiment experiment = Experiment.run(config("SASRec"), data, Device.cpu(), TrainingListener.NONE);
				NDManager manager = NDManager.newBaseManager()) {
			expected = scores(experiment.model(), manager);
			Manifest manifest = experiment.writeArtifact(artifact);
			assertThat(manifest.files()).containsKeys("model-0000.params", "config.json", "items.json",
					"popularity.json", "metrics.json");
		}
		try (ModelArtifact loaded = ModelArtifact.load(artifact, Device.cpu());
				NDManager manager = NDManager.newBaseManager()) {
			assertThat(scores(loaded.model(), manager)).containsExactly(expected);
			assertThat(loaded.knownTrainedSettings()).isEqualTo(config("SASRec").asMap());
			assertThat(loaded.model().hyperParameters()).isEqualTo(ModelRegistry.settings(config("SASRec")).toMap())
				.containsEntry("hidden_size", 16);
			assertThat(loaded.items().tokens()).isEqualTo(data.items().tokens());
			assertThat(loaded.popularity()).isEqualTo(Datasets.popularity(data));
			assertThat(loaded.metrics()).containsKeys("best_valid", "test", "best_epoch");
			assertThat(loaded.model().modelName()).isEqualTo("SASRec");
		}
	}

	@Test
	void popArtifactRoundTrips() {
		SequentialDataset data = Datasets.prepare(popConfig(), interactions());
		Path artifact = this.dir.resolve("Pop/1");
		float[] expected;
		try (Experiment experiment = Experiment.run(popConfig(), data, Device.cpu(), TrainingListener.NONE);
				NDManager manager = NDManager.newBaseManager()) {
			expected = scores(experiment.model(), manager);
			experiment.writeArtifact(artifact);
		}
		try (ModelArtifact loaded = ModelArtifact.load(artifact, Device.cpu());
				NDManager manager = NDManager.newBaseManager()) {
			assertThat(scores(loaded.model(), manager)).containsExactly(expected);
		}
	}

	@Test
	void corruptedOrIncompleteArtifactsAreRefused() throws IOException {
		SequentialDataset data = Datasets.prepare(popConfig(), interactions());
		Path artifact = this.dir.resolve("Pop/2");
		try (Experiment experiment = Experiment.run(popConfig(), data, Device.cpu(), TrainingListener.NONE)) {
			experiment.writeArtifact(artifact);
			assertThatThrownBy(() -> experiment.writeArtifact(artifact)).isInstanceOf(ArtifactException.class)
				.hasMessageContaining("already exists");
		}
		Path params = artifact.resolve("model-0000.params");
		byte[] bytes = Files.readAllBytes(params);
		bytes[bytes.length - 1] ^= 0x5a;
		Files.write(params, bytes);
		assertThatThrownBy(() -> ModelArtifact.load(artifact, Device.cpu())).isInstanceOf(ArtifactException.class)
			.hasMessageContaining("corrupt")
			.hasMessageContaining("model-0000.params");
		Files.delete(artifact.resolve("items.json"));
		assertThatThrownBy(() -> ModelArtifact.load(artifact, Device.cpu())).isInstanceOf(ArtifactException.class)
			.hasMessageContaining("items.json is missing");
		assertThatThrownBy(() -> ModelArtifact.load(this.dir.resolve("nothing"), Device.cpu()))
			.isInstanceOf(ArtifactException.class)
			.hasMessageContaining("no model artifact");
	}

	@Test
	void anArtifactWrittenUnderOtherDefaultsStillLoads() throws IOException {
		SequentialDataset data = Datasets.prepare(config("SASRec"), interactions());
		Path artifact = this.dir.resolve("SASRec/old");
		float[] expected;
		try (Experiment experiment = Experiment.run(config("SASRec"), data, Device.cpu(), TrainingListener.NONE);
				NDManager manager = NDManager.newBaseManager()) {
			expected = scores(experiment.model(), manager);
			experiment.writeArtifact(artifact);
		}
		// as if written by a version whose defaults had a key that today's do not have,
		// and that did not store hyper_parameters separately yet
		Path configFile = artifact.resolve(ModelArtifact.CONFIG_FILE);
		Map<String, Object> stored = JSON.readValue(configFile.toFile(), new TypeReference<Map<String, Object>>() {
		});
		stored.remove("hyper_parameters");
		stored.remove("MAX_ITEM_LIST_LENGTH");
		@SuppressWarnings("unchecked")
		Map<String, Object> runConfig = (Map<String, Object>) stored.get("config");
		runConfig.put("retired_setting", 3);
		runConfig.remove("initializer_range");
		JSON.writeValue(configFile.toFile(), stored);
		rewriteManifest(artifact);
		try (ModelArtifact loaded = ModelArtifact.load(artifact, Device.cpu());
				NDManager manager = NDManager.newBaseManager()) {
			assertThat(scores(loaded.model(), manager)).containsExactly(expected);
			assertThat(loaded.model().hyperParameters()).containsEntry("hidden_size", 16)
				.containsEntry("initializer_range", 0.02);
			assertThat(loaded.knownTrainedSettings()).doesNotContainKey("retired_setting")
				.containsEntry("MAX_ITEM_LIST_LENGTH", 6);
		}
	}

	private static void rewriteManifest(Path artifact) throws IOException {
		Manifest old = JSON.readValue(artifact.resolve(Manifest.FILE_NAME).toFile(), Manifest.class);
		Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
		old.files().keySet().forEach((name) -> files.put(name, Manifest.FileEntry.of(artifact.resolve(name))));
		JSON.writeValue(artifact.resolve(Manifest.FILE_NAME).toFile(),
				new Manifest(old.format(), old.model(), old.createdAt(), files));
	}

}
