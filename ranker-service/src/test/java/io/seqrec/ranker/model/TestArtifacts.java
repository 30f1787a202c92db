package io.seqrec.ranker.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigLoader;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.Vocabulary;
import io.seqrec.model.ModelContext;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.SequentialRecommender;

/**
 * Small untrained artifacts of any registered model for tests (SASRec unless named):
 * items {@code item-1..item-n}, item {@code i} with popularity {@code i} (so
 * {@code item-n} is the most popular).
 */
public final class TestArtifacts {

	/** Small hyper-parameters per model; a model without an entry takes its defaults. */
	private static final Map<String, Map<String, String>> SMALL = Map.of("SASRec",
			Map.of("hidden_size", "16", "inner_size", "32", "n_layers", "1"), "SINE",
			Map.of("embedding_size", "16", "prototype_size", "10"));

	private TestArtifacts() {
	}

	/**
	 * Writes an untrained SASRec artifact.
	 * @param directory the artifact directory to create
	 * @param items the catalog size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 */
	public static void untrained(Path directory, int items, int maxLength) {
		untrained(directory, "SASRec", items, maxLength);
	}

	/**
	 * Writes an untrained artifact of a registered model.
	 * @param directory the artifact directory to create
	 * @param modelName the registered model's name
	 * @param items the catalog size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 */
	public static void untrained(Path directory, String modelName, int items, int maxLength) {
		Map<String, String> values = new LinkedHashMap<>(SMALL.getOrDefault(modelName, Map.of()));
		values.put("MAX_ITEM_LIST_LENGTH", Integer.toString(maxLength));
		Config config = ConfigLoader.load(new ConfigRequest(modelName, "test", List.of(), Map.of(), values));
		List<String> tokens = new ArrayList<>();
		for (int i = 1; i <= items; i++) {
			tokens.add("item-" + i);
		}
		Vocabulary vocabulary = Vocabulary.of(tokens);
		long[] popularity = new long[vocabulary.size()];
		for (int i = 1; i < popularity.length; i++) {
			popularity[i] = i;
		}
		SequentialRecommender network = ModelRegistry.create(config,
				new ModelContext(vocabulary.size(), maxLength, null));
		try (Model model = Model.newInstance(network.modelName(), Device.cpu())) {
			model.setBlock(network);
			network.initialize(model.getNDManager(), DataType.FLOAT32, network.initializationShapes());
			ModelArtifact.write(directory, model, config, vocabulary, popularity, Map.of("test", Map.of()));
		}
	}

	/**
	 * Publishes an untrained artifact into a store and makes it live.
	 * @param store the store
	 * @param name the model name
	 * @param version the version
	 * @param items the catalog size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return the stored entry
	 */
	public static ModelVersion publishLive(FileSystemModelStore store, String name, String version, int items,
			int maxLength) {
		Path staging = store.stagingDirectory(name).resolve("artifact");
		untrained(staging, items, maxLength);
		ModelVersion stored = store.publish(name, version, staging, new ModelVersion(name, version, "",
				ModelVersion.Status.ACCEPTED, Map.of(), "", "2026-01-01T00:00:00Z", null));
		store.setLive(name, version, false);
		return stored;
	}

}
