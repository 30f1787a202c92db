package io.seqrec.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigLoader;
import io.seqrec.config.ConfigRequest;
import io.seqrec.config.UnknownKeys;

/**
 * The models seqrec implements, as an explicit list of {@link ModelSpec}s (no
 * reflection). A new model is one file, its settings record, its defaults file and one
 * line here. Configuration goes through {@link #loadConfig}, so that a model that is not
 * implemented, an invalid hyper-parameter or an unsupported {@code train_mode} fails
 * before any data is read.
 */
public final class ModelRegistry {

	private static final List<ModelSpec<?>> SPECS = List.of(SASRec.SPEC, BERT4Rec.SPEC, Pop.SPEC);

	private ModelRegistry() {
	}

	/**
	 * Every implemented model.
	 * @return the specs, in documentation order
	 */
	public static List<ModelSpec<?>> specs() {
		return SPECS;
	}

	/**
	 * The names of the implemented models.
	 * @return names as RecBole spells them
	 */
	public static List<String> names() {
		return SPECS.stream().map(ModelSpec::name).toList();
	}

	/**
	 * Looks a model up, case-insensitively.
	 * @param model the name, such as {@code sasrec}
	 * @return its spec
	 * @throws ConfigException naming the implemented models if there is none
	 */
	public static ModelSpec<?> spec(String model) {
		String wanted = model.trim();
		for (ModelSpec<?> spec : SPECS) {
			if (spec.name().equalsIgnoreCase(wanted)) {
				return spec;
			}
		}
		String suggestion = UnknownKeys.closest(wanted, names());
		throw new ConfigException("model '" + model + "' is not implemented"
				+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "") + "; seqrec implements "
				+ String.join(", ", names()));
	}

	/**
	 * Loads and validates a configuration: the model must be implemented, its
	 * hyper-parameters valid, its {@code train_mode} and {@code transform} supported, and
	 * BPR must have negatives to sample.
	 * @param request the model, dataset and layers
	 * @return the configuration, under the model's canonical name
	 * @throws ConfigException for the first problem, in one line
	 */
	public static Config loadConfig(ConfigRequest request) {
		ModelSpec<?> spec = spec(request.model());
		Config config = ConfigLoader.load(new ConfigRequest(spec.name(), request.dataset(), request.configFiles(),
				request.parameters(), request.commandLine()));
		check(spec, config);
		return config;
	}

	/**
	 * Binds the settings of a configured model.
	 * @param config a configuration from {@link #loadConfig}
	 * @return the settings
	 */
	public static ModelSettings settings(Config config) {
		return bind(spec(config.model()), HyperParameters.of(config));
	}

	/**
	 * Builds the configured model (not yet initialized).
	 * @param config a configuration from {@link #loadConfig}
	 * @param context item count, sequence length and training data
	 * @return the model
	 */
	public static SequentialRecommender create(Config config, ModelContext context) {
		ModelSpec<?> spec = spec(config.model());
		return spec.create(bind(spec, HyperParameters.of(config)), context);
	}

	/**
	 * Rebuilds a saved model from the hyper-parameters stored with it, read over the
	 * model's current defaults (keys it lacks take today's defaults, keys no longer read
	 * are ignored).
	 * @param model the stored model name
	 * @param stored the stored hyper-parameters
	 * @param context item count and sequence length
	 * @return the model (not yet initialized)
	 * @throws IllegalArgumentException if the model is not implemented or a value is
	 * invalid
	 */
	public static SequentialRecommender rebuild(String model, Map<String, ?> stored, ModelContext context) {
		ModelSpec<?> spec = spec(model);
		return spec.create(spec.bind(HyperParameters.stored(spec.name(), stored)), context);
	}

	private static ModelSettings bind(ModelSpec<?> spec, HyperParameters values) {
		try {
			return spec.bind(values);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigException(ex.getMessage(), ex);
		}
	}

	static void check(ModelSpec<?> spec, Config config) {
		ModelSettings settings = bind(spec, HyperParameters.of(config));
		TrainMode mode = TrainMode.parse(config.getString("train_mode"));
		if (!spec.trainModes().contains(mode)) {
			throw new ConfigException("train_mode " + mode.configName() + " does not apply to " + spec.name() + ": "
					+ spec.unsupportedReason(mode) + "; use train_mode prefix");
		}
		String transform = config.getOptionalString("transform");
		String needed = spec.transform();
		if (needed != null && (transform == null || !needed.equalsIgnoreCase(transform))) {
			throw new ConfigException(spec.name() + " needs transform " + needed + " (got "
					+ ((transform != null) ? transform : "none") + ")");
		}
		if (needed == null && transform != null) {
			throw new ConfigException("transform " + transform.toLowerCase(Locale.ROOT) + " does not apply to "
					+ spec.name() + ", which takes no batch transform; remove it or set it to ~");
		}
		if (settings.needsSampledNegatives() && config.isNull("train_neg_sample_args")) {
			throw new ConfigException(spec.name() + " with loss_type BPR needs one sampled negative per row: "
					+ "set train_neg_sample_args to {distribution: uniform, sample_num: 1} (not ~)");
		}
	}

}
