package io.seqrec.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The keys a model accepts, read from the documented YAML resources: every key of
 * {@code overall.yaml} in file order, then the keys of {@code model/<Model>.yaml}. A
 * model file may re-declare an overall key (BERT4Rec's {@code transform}); its
 * declaration then replaces the overall one, keeping the overall position. Schemas are
 * immutable and cached.
 * <p>
 * The CLI lists keys with {@code ConfigSchema.forModel("SASRec").keys()}.
 */
public final class ConfigSchema {

	/**
	 * The models with a defaults file {@code model/<Model>.yaml}, in their canonical
	 * spelling: the four models seqrec is specified with and RecBole's Pop baseline.
	 * Which of them are implemented is the model registry's list.
	 */
	public static final List<String> MODEL_FILES = List.of("SASRec", "BERT4Rec", "FEARec", "SINE", "Pop");

	/** The resource with the built-in defaults, relative to this package. */
	public static final String OVERALL = "overall.yaml";

	private static final Map<String, ConfigSchema> CACHE = new ConcurrentHashMap<>();

	private final String model;

	private final Map<String, KeySpec> specs;

	private final List<String> modelKeys;

	private ConfigSchema(String model, Map<String, KeySpec> specs, List<String> modelKeys) {
		this.model = model;
		this.specs = Collections.unmodifiableMap(specs);
		this.modelKeys = List.copyOf(modelKeys);
	}

	/**
	 * The schema of a model.
	 * @param model the model name, matched case-insensitively against
	 * {@link #MODEL_FILES}
	 * @return the model's schema
	 * @throws ConfigException if the model has no defaults file
	 */
	public static ConfigSchema forModel(String model) {
		String canonical = MODEL_FILES.stream()
			.filter((name) -> name.equalsIgnoreCase(model.trim()))
			.findFirst()
			.orElseThrow(() -> new ConfigException(
					"no defaults for model '" + model + "'; defaults exist for " + String.join(", ", MODEL_FILES)));
		return CACHE.computeIfAbsent(canonical, ConfigSchema::build);
	}

	/**
	 * The path of a model's resource, relative to this package.
	 * @param model the canonical model name
	 * @return {@code model/<Model>.yaml}
	 */
	public static String modelResource(String model) {
		return "model/" + model + ".yaml";
	}

	/**
	 * The path of a dataset's resource, relative to this package; it may not exist.
	 * @param dataset the dataset name
	 * @return {@code dataset/<dataset>.yaml}
	 */
	public static String datasetResource(String dataset) {
		return "dataset/" + dataset + ".yaml";
	}

	private static ConfigSchema build(String model) {
		Map<String, KeySpec> specs = new LinkedHashMap<>();
		for (KeySpec spec : SchemaParser.parse(resource(OVERALL), OVERALL, "General Settings")) {
			specs.put(spec.name(), spec);
		}
		String path = modelResource(model);
		List<KeySpec> modelSpecs = SchemaParser.parse(resource(path), path, model + " Hyper Parameters");
		List<String> modelKeys = new ArrayList<>();
		for (KeySpec spec : modelSpecs) {
			specs.put(spec.name(), spec);
			modelKeys.add(spec.name());
		}
		return new ConfigSchema(model, specs, modelKeys);
	}

	private static String resource(String path) {
		String text = SchemaParser.readResource(path);
		if (text == null) {
			throw new IllegalStateException("missing resource io/seqrec/config/" + path);
		}
		return text;
	}

	/**
	 * The canonical name of the model this schema belongs to.
	 * @return the model name, such as {@code SASRec}
	 */
	public String model() {
		return this.model;
	}

	/**
	 * Every key, overall keys in file order, then the model's own keys.
	 * @return the specifications
	 */
	public List<KeySpec> keys() {
		return List.copyOf(this.specs.values());
	}

	/**
	 * Looks a key up.
	 * @param key the key, spelled exactly
	 * @return its specification, or empty if the model does not accept it
	 */
	public Optional<KeySpec> find(String key) {
		return Optional.ofNullable(this.specs.get(key));
	}

	/**
	 * Looks a key up that must exist.
	 * @param key the key, spelled exactly
	 * @return its specification
	 * @throws ConfigException naming a close match if the model does not accept the key
	 */
	public KeySpec spec(String key) {
		KeySpec spec = this.specs.get(key);
		if (spec == null) {
			throw new ConfigException(UnknownKeys.message(this, key));
		}
		return spec;
	}

	/**
	 * Looks a key up that must exist and have one of some types.
	 * @param key the key, spelled exactly
	 * @param accepted the types the caller can read
	 * @return its specification
	 * @throws ConfigException if the key is unknown or of another type
	 */
	KeySpec spec(String key, ValueType... accepted) {
		KeySpec spec = spec(key);
		if (!List.of(accepted).contains(spec.type())) {
			throw new ConfigException("key '" + key + "' is " + spec.type().description() + " (" + spec.typeExpression()
					+ "), not " + accepted[0].description());
		}
		return spec;
	}

	/**
	 * Whether the model accepts a key.
	 * @param key the key, spelled exactly
	 * @return {@code true} if the key is declared in {@code overall.yaml} or the model
	 * file
	 */
	public boolean contains(String key) {
		return this.specs.containsKey(key);
	}

	/**
	 * Whether the model's own file declares a key.
	 * @param key the key
	 * @return {@code true} if {@code model/<Model>.yaml} declares it
	 */
	public boolean declaresInModelFile(String key) {
		return this.modelKeys.contains(key);
	}

	/**
	 * The keys the model's own file declares, in that file's order.
	 * @return the key names
	 */
	public List<String> modelKeys() {
		return this.modelKeys;
	}

	/**
	 * The built-in defaults, in key order.
	 * @return a new mutable map of deep copies of the defaults
	 */
	public Map<String, @Nullable Object> defaults() {
		Map<String, @Nullable Object> defaults = new LinkedHashMap<>();
		this.specs.values().forEach((spec) -> defaults.put(spec.name(), Values.mutable(spec.defaultValue())));
		return defaults;
	}

	@Override
	public String toString() {
		return "ConfigSchema[" + this.model + ", " + this.specs.size() + " keys]";
	}

}
