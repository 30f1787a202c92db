package io.seqrec.ranker.model;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * Small untrained artifacts for tests (SASRec unless another model is named): items
 * {@code item-1..item-n}, item {@code i} with popularity {@code i} (so {@code item-n} is
 * the most popular).
 */
public final class TestArtifacts {

	private TestArtifacts() {
	}

	/**
	 * Writes an untrained artifact.
	 * @param directory the artifact directory to create
	 * @param items the catalog size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 */
	public static void untrained(Path directory, int items, int maxLength) {
		untrained(directory, items, maxLength, "SASRec");
	}

	/**
	 * Writes an untrained artifact of a model, with small layers (the fewest the model
	 * allows: one for SASRec, two for FEARec's frequency ramp).
	 * @param directory the artifact directory to create
	 * @param items the catalog size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @param modelName the registry name
	 */
	public static void untrained(Path directory, int items, int maxLength, String modelName) {
		String layers = "FEARec".equals(modelName) ? "2" : "1";
		Config config = ConfigLoader
			.load(new ConfigRequest(modelName, "test", List.of(), Map.of(), Map.of("MAX_ITEM_LIST_LENGTH",
					Integer.toString(maxLength), "hidden_size", "16", "inner_size", "32", "n_layers", layers)));
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
