package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

import io.seqrec.config.Config;
import io.seqrec.nn.HiddenActivation;

/**
 * Builds models by name from a validated configuration: an explicit table, not
 * reflection. A new model is one file plus one line here (and its defaults in
 * {@code io/seqrec/config/model/<Name>.yaml}).
 */
public final class ModelRegistry {

	private static final Map<String, BiFunction<Config, ModelContext, SequentialRecommender>> FACTORIES = factories();

	private ModelRegistry() {
	}

	private static Map<String, BiFunction<Config, ModelContext, SequentialRecommender>> factories() {
		Map<String, BiFunction<Config, ModelContext, SequentialRecommender>> map = new LinkedHashMap<>();
		map.put(SASRec.NAME, (config, context) -> new SASRec(context, transformerSettings(config)));
		map.put(Pop.NAME, (config, context) -> new Pop(context));
		return map;
	}

	/**
	 * The models that can be built.
	 * @return registry names
	 */
	public static List<String> names() {
		return List.copyOf(FACTORIES.keySet());
	}

	/**
	 * Builds the configured model (not yet initialized).
	 * @param config the validated configuration, naming the model
	 * @param context item count, sequence length and training data
	 * @return the model
	 * @throws IllegalArgumentException for an unknown model or invalid hyper-parameters
	 */
	public static SequentialRecommender create(Config config, ModelContext context) {
		BiFunction<Config, ModelContext, SequentialRecommender> factory = FACTORIES.get(config.model());
		if (factory == null) {
			String known = FACTORIES.keySet()
				.stream()
				.filter((name) -> name.toLowerCase(Locale.ROOT).equals(config.model().toLowerCase(Locale.ROOT)))
				.findFirst()
				.orElse(null);
			if (known == null) {
				throw new IllegalArgumentException("model '" + config.model() + "' is not available; available models: "
						+ String.join(", ", names()));
			}
			factory = FACTORIES.get(known);
		}
		return factory.apply(config, context);
	}

	/**
	 * The transformer hyper-parameters of a configuration.
	 * @param config the configuration of SASRec, BERT4Rec or FEARec
	 * @return the settings
	 */
	public static TransformerSettings transformerSettings(Config config) {
		return new TransformerSettings(config.getInt("n_layers"), config.getInt("n_heads"),
				config.getInt("hidden_size"), config.getInt("inner_size"), config.getFloat("hidden_dropout_prob"),
				config.getFloat("attn_dropout_prob"), HiddenActivation.parse(config.getString("hidden_act")),
				config.getFloat("layer_norm_eps"), config.getFloat("initializer_range"),
				LossType.parse(config.getString("loss_type"), LossType.CE, LossType.BPR));
	}

}
