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
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigLoader;
import io.seqrec.config.ConfigRequest;
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

	private final Path directory;

	private final Manifest manifest;

	private final Config config;

	private final Vocabulary items;

	private final long[] popularity;

	private final Map<String, Object> metrics;

	private final Model djlModel;

	private final SequentialRecommender model;

	private ModelArtifact(Path directory, Manifest manifest, Config config, Vocabulary items, long[] popularity,
			Map<String, Object> metrics, Model djlModel, SequentialRecommender model) {
		this.directory = directory;
		this.manifest = manifest;
		this.config = config;
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
		Config config = readConfig(directory);
		Vocabulary items = readItems(directory);
		long[] popularity = read(directory, POPULARITY_FILE, new TypeReference<long[]>() {
		});
		Map<String, Object> metrics = read(directory, METRICS_FILE, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		SequentialRecommender model = ModelRegistry.create(config,
				new ModelContext(items.size(), config.getInt("MAX_ITEM_LIST_LENGTH"), null));
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
		return new ModelArtifact(directory, manifest, config, items, popularity, metrics, djlModel, model);
	}

	private static Config readConfig(Path directory) {
		Map<String, Object> json = read(directory, CONFIG_FILE, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		Object model = json.get("model");
		Object values = json.get("config");
		if (!(model instanceof String name) || !(values instanceof Map<?, ?> map)) {
			throw new ArtifactException("artifact " + directory + ": " + CONFIG_FILE + " lacks model or config");
		}
		Map<String, Object> parameters = new LinkedHashMap<>();
		map.forEach((key, value) -> parameters.put(String.valueOf(key), value));
		Object dataset = json.get("dataset");
		try {
			return ConfigLoader.load(
					new ConfigRequest(name, (dataset instanceof String d) ? d : null, List.of(), parameters, Map.of()));
		}
		catch (RuntimeException ex) {
			throw new ArtifactException("artifact " + directory + " has an invalid configuration: " + ex.getMessage(),
					ex);
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
	 * The configuration the model was trained with.
	 * @return the configuration
	 */
	public Config config() {
		return this.config;
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
