package io.seqrec.artifact;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigSchema;
import io.seqrec.data.Vocabulary;
import io.seqrec.model.ModelContext;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.SequentialRecommender;

/**
 * A loaded model artifact: the model ready to score, its vocabulary, popularity and
 * metrics. Closing it releases the model's native memory.
 *
 * <p>
 * Layout of an artifact directory: {@code model-0000.params} (DJL parameters,
 * hyper-parameters in the header), {@code config.json} (model name and the full effective
 * configuration), {@code items.json} (external item id of every internal index, index 0 =
 * {@code [PAD]}), {@code popularity.json} (interaction count per internal index),
 * {@code metrics.json}, and {@code manifest.json} (SHA-256 and size of each of those
 * files).
 */
public final class ModelArtifact implements AutoCloseable {

	/** Parameter file prefix: DJL writes {@code model-0000.params}. */
	public static final String PARAMS_PREFIX = "model";

	/** Configuration file. */
	public static final String CONFIG_FILE = "config.json";

	/** Item vocabulary file. */
	public static final String ITEMS_FILE = "items.json";

	/** Popularity file. */
	public static final String POPULARITY_FILE = "popularity.json";

	/** Metrics file. */
	public static final String METRICS_FILE = "metrics.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String MAX_LENGTH_KEY = "MAX_ITEM_LIST_LENGTH";

	private static final String HYPER_PARAMETERS_KEY = "hyper_parameters";

	private final Path directory;

	private final Manifest manifest;

	private final Map<String, Object> trainedConfig;

	private final Vocabulary items;

	private final long[] popularity;

	private final Map<String, Object> metrics;

	private final Model djlModel;

	private final SequentialRecommender model;

	private ModelArtifact(Path directory, Manifest manifest, Map<String, Object> trainedConfig, Vocabulary items,
			long[] popularity, Map<String, Object> metrics, Model djlModel, SequentialRecommender model) {
		this.directory = directory;
		this.manifest = manifest;
		this.trainedConfig = trainedConfig;
		this.items = items;
		this.popularity = popularity;
		this.metrics = metrics;
		this.djlModel = djlModel;
		this.model = model;
	}

	/**
	 * Writes an artifact. Files go to a temporary sibling directory first, which is then
	 * moved into place, so a crash never leaves a half-written artifact under the final
	 * name.
	 * @param directory the artifact directory to create (must not exist)
	 * @param djlModel the trained model (its block a {@link SequentialRecommender})
	 * @param config the effective configuration of the run
	 * @param items the item vocabulary
	 * @param popularity interaction count per internal item index
	 * @param metrics evaluation metrics and run facts
	 * @return the manifest written
	 */
	public static Manifest write(Path directory, Model djlModel, Config config, Vocabulary items, long[] popularity,
			Map<String, Object> metrics) {
		SequentialRecommender model = (SequentialRecommender) djlModel.getBlock();
		if (model.numItems() != items.size() || popularity.length != items.size()) {
			throw new ArtifactException("model scores " + model.numItems() + " items but the vocabulary has "
					+ items.size() + " and popularity " + popularity.length);
		}
		if (Files.exists(directory)) {
			throw new ArtifactException("artifact " + directory + " already exists; versions are immutable");
		}
		Path staging = directory.resolveSibling(directory.getFileName() + ".tmp-" + System.nanoTime());
		try {
			Files.createDirectories(staging);
			djlModel.setProperty("Epoch", "0");
			djlModel.setProperty("model", model.modelName());
			model.hyperParameters().forEach((key, value) -> djlModel.setProperty(key, String.valueOf(value)));
			djlModel.save(staging, PARAMS_PREFIX);
			Map<String, Object> configJson = new LinkedHashMap<>();
			configJson.put("model", model.modelName());
			configJson.put("dataset", config.dataset());
			configJson.put(MAX_LENGTH_KEY, model.maxSeqLength());
			configJson.put(HYPER_PARAMETERS_KEY, model.hyperParameters());
			configJson.put("config", config.asMap());
			JSON.writeValue(staging.resolve(CONFIG_FILE).toFile(), configJson);
			List<String> tokens = new ArrayList<>();
			tokens.add(Vocabulary.PAD);
			tokens.addAll(items.tokens());
			JSON.writeValue(staging.resolve(ITEMS_FILE).toFile(), tokens);
			JSON.writeValue(staging.resolve(POPULARITY_FILE).toFile(), popularity);
			JSON.writeValue(staging.resolve(METRICS_FILE).toFile(), metrics);
			Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
			try (Stream<Path> listing = Files.list(staging)) {
				listing.sorted()
					.forEach((file) -> files.put(file.getFileName().toString(), Manifest.FileEntry.of(file)));
			}
			Manifest manifest = new Manifest(Manifest.FORMAT, model.modelName(), Instant.now().toString(), files);
			JSON.writeValue(staging.resolve(Manifest.FILE_NAME).toFile(), manifest);
			Files.createDirectories(directory.toAbsolutePath().getParent());
			try {
				Files.move(staging, directory, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(staging, directory);
			}
			return manifest;
		}
		catch (IOException | JacksonException ex) {
			throw new ArtifactException("cannot write artifact " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads and verifies an artifact: every checksum, then the configuration, vocabulary
	 * and parameters. The model comes back frozen (no gradient recording), ready to
	 * score.
	 * @param directory the artifact directory
	 * @param device where to load the parameters
	 * @return the artifact (close it to free native memory)
	 * @throws ArtifactException if anything is missing, corrupt or inconsistent
	 */
	public static ModelArtifact load(Path directory, Device device) {
		Path manifestFile = directory.resolve(Manifest.FILE_NAME);
		if (!Files.isRegularFile(manifestFile)) {
			throw new ArtifactException(
					"no model artifact at " + directory + " (" + Manifest.FILE_NAME + " not found)");
		}
		Manifest manifest;
		try {
			manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
		}
		catch (JacksonException ex) {
			throw new ArtifactException("artifact " + directory + " has an unreadable manifest: " + ex.getMessage(),
					ex);
		}
		if (manifest.format() != Manifest.FORMAT) {
			throw new ArtifactException("artifact " + directory + " has format " + manifest.format()
					+ "; this version reads format " + Manifest.FORMAT);
		}
		manifest.verify(directory);
		Map<String, Object> stored = read(directory, CONFIG_FILE, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		Vocabulary items = readItems(directory);
		long[] popularity = read(directory, POPULARITY_FILE, new TypeReference<long[]>() {
		});
		Map<String, Object> metrics = read(directory, METRICS_FILE, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		SequentialRecommender model = rebuild(directory, stored, items.size());
		Model djlModel = Model.newInstance(model.modelName(), device);
		try {
			djlModel.setBlock(model);
			djlModel.load(directory, PARAMS_PREFIX);
		}
		catch (IOException | MalformedModelException | RuntimeException ex) {
			djlModel.close();
			throw new ArtifactException("cannot load the parameters of artifact " + directory + ": " + ex.getMessage(),
					ex);
		}
		model.setFrozen(true);
		return new ModelArtifact(directory, manifest, stored, items, popularity, metrics, djlModel, model);
	}

	/**
	 * Rebuilds the model from what the artifact stores: its hyper-parameters (older
	 * artifacts: the model's keys of the stored configuration) over today's defaults, so
	 * that a default added or a key removed since does not make the artifact unloadable.
	 */
	private static SequentialRecommender rebuild(Path directory, Map<String, Object> stored, int numItems) {
		Object model = stored.get("model");
		Object config = stored.get("config");
		if (!(model instanceof String name) || !(config instanceof Map<?, ?> configValues)) {
			throw new ArtifactException("artifact " + directory + ": " + CONFIG_FILE + " lacks model or config");
		}
		Object hyper = stored.getOrDefault(HYPER_PARAMETERS_KEY, configValues);
		Object length = stored.getOrDefault(MAX_LENGTH_KEY, configValues.get(MAX_LENGTH_KEY));
		if (!(hyper instanceof Map<?, ?> hyperValues) || !(length instanceof Number maxLength)) {
			throw new ArtifactException("artifact " + directory + ": " + CONFIG_FILE
					+ " lacks the hyper-parameters or the sequence length");
		}
		Map<String, Object> values = new LinkedHashMap<>();
		hyperValues.forEach((key, value) -> values.put(String.valueOf(key), value));
		try {
			return ModelRegistry.rebuild(name, values, new ModelContext(numItems, maxLength.intValue(), null));
		}
		catch (RuntimeException ex) {
			throw new ArtifactException("artifact " + directory + " cannot be rebuilt: " + ex.getMessage(), ex);
		}
	}

	private static Vocabulary readItems(Path directory) {
		List<String> tokens = read(directory, ITEMS_FILE, new TypeReference<List<String>>() {
		});
		if (tokens.isEmpty() || !Vocabulary.PAD.equals(tokens.get(0))) {
			throw new ArtifactException(
					"artifact " + directory + ": " + ITEMS_FILE + " must start with " + Vocabulary.PAD);
		}
		return Vocabulary.of(tokens.subList(1, tokens.size()));
	}

	private static <T> T read(Path directory, String file, TypeReference<T> type) {
		try {
			return JSON.readValue(directory.resolve(file).toFile(), type);
		}
		catch (JacksonException ex) {
			throw new ArtifactException("artifact " + directory + ": cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The artifact's directory.
	 * @return the path
	 */
	public Path directory() {
		return this.directory;
	}

	/**
	 * The verified manifest.
	 * @return the manifest
	 */
	public Manifest manifest() {
		return this.manifest;
	}

	/**
	 * The model name and the configuration the model was trained with, as stored:
	 * {@code model}, {@code dataset} and {@code config} (every key of the run, possibly
	 * keys that today's defaults no longer have).
	 * @return the stored {@code config.json}
	 */
	public Map<String, Object> trainedConfig() {
		return this.trainedConfig;
	}

	/**
	 * The model's registry name.
	 * @return the name
	 */
	public String modelName() {
		return this.model.modelName();
	}

	/**
	 * The dataset the model was trained on, if recorded.
	 * @return the dataset name, or null
	 */
	public @Nullable String datasetName() {
		return (this.trainedConfig.get("dataset") instanceof String name) ? name : null;
	}

	/**
	 * The configuration keys of the training run that today's schema of the model still
	 * declares, for re-running its data settings.
	 * @return known keys with their stored values
	 */
	public Map<String, @Nullable Object> knownTrainedSettings() {
		Map<String, @Nullable Object> known = new LinkedHashMap<>();
		if (this.trainedConfig.get("config") instanceof Map<?, ?> values) {
			ConfigSchema schema = ConfigSchema.forModel(modelName());
			values.forEach((key, value) -> {
				if (schema.find(String.valueOf(key)).isPresent()) {
					known.put(String.valueOf(key), value);
				}
			});
		}
		return known;
	}

	/**
	 * The item vocabulary.
	 * @return external ids by internal index
	 */
	public Vocabulary items() {
		return this.items;
	}

	/**
	 * Interaction count per internal item index (index 0 is padding, count 0).
	 * @return the counts (not a copy)
	 */
	public long[] popularity() {
		return this.popularity;
	}

	/**
	 * The metrics recorded with the artifact.
	 * @return metrics and run facts
	 */
	public Map<String, Object> metrics() {
		return this.metrics;
	}

	/**
	 * The loaded, frozen model.
	 * @return the model
	 */
	public SequentialRecommender model() {
		return this.model;
	}

	/**
	 * The DJL model that owns the parameters.
	 * @return the DJL model
	 */
	public Model djlModel() {
		return this.djlModel;
	}

	@Override
	public void close() {
		this.djlModel.close();
	}

}
