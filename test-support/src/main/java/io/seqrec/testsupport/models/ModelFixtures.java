package io.seqrec.testsupport.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.PlantedSequences;
import io.seqrec.data.Vocabulary;
import io.seqrec.model.ModelContext;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.SequentialRecommender;
import io.seqrec.run.Experiment;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.TrainingListener;

/**
 * Model artifacts for tests, made once per JVM and model (the PyTorch engine must be on
 * the test classpath).
 * <ul>
 * <li>{@link #planted}: a registered model trained through {@link TrainingJob} on
 * {@link PlantedSequences} over {@value #PLANTED_ITEMS} items, with small per-model
 * settings that learn the rule in seconds: a sequence model puts the planted next item
 * first.</li>
 * <li>{@link #untrained}: a model with initial weights over a catalogue of a given size,
 * for tests of loading, swapping and scoring that need no learned pattern.</li>
 * </ul>
 * A new model gets its line in the settings table here, and every test of the services
 * can use it.
 */
public final class ModelFixtures {

	/** Catalogue size of {@link #planted} fixtures. */
	public static final int PLANTED_ITEMS = 41;

	/** {@code MAX_ITEM_LIST_LENGTH} of {@link #planted} fixtures. */
	public static final int PLANTED_MAX_LENGTH = 10;

	private static final int PLANTED_USERS = 150;

	private static final int PLANTED_LENGTH = 14;

	private static final long PLANTED_SEED = 13;

	/**
	 * Per model, settings that learn the planted rule quickly on a CPU (training keys are
	 * ignored by untrained fixtures).
	 */
	private static final Map<String, Map<String, String>> QUICK_SETTINGS = Map.of("SASRec",
			Map.ofEntries(Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"), Map.entry("n_layers", "1"),
					Map.entry("hidden_dropout_prob", "0.1"), Map.entry("attn_dropout_prob", "0.1"),
					Map.entry("epochs", "12"), Map.entry("learning_rate", "0.01"), Map.entry("train_batch_size", "256"),
					Map.entry("train_mode", "all_positions"), Map.entry("stopping_step", "100")),
			"Pop", Map.of("epochs", "1"));

	private static final Map<String, ModelFixture> CACHE = new HashMap<>();

	private static final AtomicInteger VERSIONS = new AtomicInteger();

	private static Path root;

	private ModelFixtures() {
	}

	/**
	 * The models that have fixture settings.
	 * @return registry names
	 */
	public static Set<String> models() {
		return QUICK_SETTINGS.keySet();
	}

	/**
	 * A model trained on the planted rule of {@code PlantedSequences.cycle(41)} (150
	 * users, 14 interactions each, no noise), trained on first use.
	 * @param model a registered model with fixture settings, such as {@code SASRec}
	 * @return the fixture
	 */
	public static synchronized ModelFixture planted(String model) {
		String name = ModelRegistry.spec(model).name();
		return CACHE.computeIfAbsent("planted/" + name, (key) -> train(name));
	}

	/**
	 * A model with initial weights; item {@code i} of the vocabulary has popularity
	 * {@code i}, so the last item is the most popular.
	 * @param model a registered model with fixture settings
	 * @param items the catalogue size
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return the fixture
	 */
	public static synchronized ModelFixture untrained(String model, int items, int maxLength) {
		String name = ModelRegistry.spec(model).name();
		return CACHE.computeIfAbsent("untrained/" + name + "/" + items + "/" + maxLength,
				(key) -> initialize(name, items, maxLength));
	}

	/**
	 * A version name not used before in this JVM.
	 * @return {@code fixture-<n>}
	 */
	public static String nextVersion() {
		return "fixture-" + VERSIONS.incrementAndGet();
	}

	private static Config config(String model, int maxLength) {
		Map<String, String> settings = QUICK_SETTINGS.get(model);
		if (settings == null) {
			throw new IllegalArgumentException("no fixture settings for model " + model + "; add a line for it to "
					+ ModelFixtures.class.getName() + " (models with settings: " + models() + ")");
		}
		Map<String, String> values = new LinkedHashMap<>(settings);
		values.put("MAX_ITEM_LIST_LENGTH", Integer.toString(maxLength));
		return ModelRegistry.loadConfig(new ConfigRequest(model, "planted", List.of(), Map.of(), values));
	}

	private static ModelFixture train(String model) {
		PlantedSequences pattern = PlantedSequences.cycle(PLANTED_ITEMS);
		TrainingJob job = TrainingJob.of(config(model, PLANTED_MAX_LENGTH));
		Path artifact = directory(model + "-planted");
		Map<String, Double> metrics = new LinkedHashMap<>();
		try (Experiment experiment = job.train(
				job.prepare(pattern.table(PLANTED_USERS, PLANTED_LENGTH, 0.0, PLANTED_SEED)), TrainingListener.NONE)) {
			experiment.writeArtifact(artifact);
			experiment.outcome().test().values().forEach((key, value) -> metrics.put("test." + key, value));
		}
		return new ModelFixture(model, artifact, pattern, PLANTED_MAX_LENGTH, metrics);
	}

	private static ModelFixture initialize(String model, int items, int maxLength) {
		Config config = config(model, maxLength);
		List<String> tokens = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			tokens.add(PlantedSequences.itemId(i));
		}
		Vocabulary vocabulary = Vocabulary.of(tokens);
		long[] popularity = new long[vocabulary.size()];
		for (int i = 1; i < popularity.length; i++) {
			popularity[i] = i;
		}
		SequentialRecommender network = ModelRegistry.create(config,
				new ModelContext(vocabulary.size(), maxLength, null));
		Path artifact = directory(model + "-untrained-" + items + "-" + maxLength);
		try (Model djlModel = Model.newInstance(network.modelName(), Device.cpu())) {
			djlModel.setBlock(network);
			network.initialize(djlModel.getNDManager(), DataType.FLOAT32, network.initializationShapes());
			ModelArtifact.write(artifact, djlModel, config, vocabulary, popularity, Map.of("untrained", true));
		}
		return new ModelFixture(model, artifact, PlantedSequences.cycle(items), maxLength, Map.of());
	}

	private static synchronized Path directory(String name) {
		try {
			if (root == null) {
				Path created = Files.createTempDirectory("seqrec-model-fixtures");
				Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created), "model-fixtures-cleanup"));
				root = created;
			}
			return root.resolve(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteTree(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temporary directory is harmless
		}
	}

}
