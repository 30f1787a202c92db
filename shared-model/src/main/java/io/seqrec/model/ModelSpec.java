package io.seqrec.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.seqrec.config.ConfigSchema;

/**
 * Everything seqrec knows about one model, in one place: its name, its settings record
 * bound from the configuration (with the validation of every hyper-parameter), its
 * defaults file ({@code io/seqrec/config/model/<name>.yaml}), the {@code train_mode}s it
 * supports, the batch {@code transform} it needs, and its factory. The CLI, the
 * configuration checks, the artifacts and the registry all read models from their specs.
 *
 * @param <S> the settings record
 */
public final class ModelSpec<S extends ModelSettings> {

	private final String name;

	private final String summary;

	private final Function<HyperParameters, S> binder;

	private final BiFunction<S, ModelContext, SequentialRecommender> factory;

	private final Set<TrainMode> trainModes;

	private final Map<TrainMode, String> unsupportedReasons;

	private final @Nullable String transform;

	private final Class<S> settingsType;

	private ModelSpec(Builder<S> builder) {
		this.name = builder.name;
		this.summary = builder.summary;
		this.binder = builder.binder;
		this.factory = builder.factory;
		this.settingsType = builder.settingsType;
		Set<TrainMode> modes = EnumSet.allOf(TrainMode.class);
		modes.removeAll(builder.reasons.keySet());
		this.trainModes = Collections.unmodifiableSet(modes);
		this.unsupportedReasons = Collections.unmodifiableMap(new EnumMap<>(builder.reasons));
		this.transform = builder.transform;
	}

	/**
	 * Starts a spec.
	 * @param <S> the settings record
	 * @param name the registry name, as RecBole spells it ({@code SASRec})
	 * @param settingsType the settings record's class
	 * @param binder binds and validates the settings from hyper-parameters
	 * @param factory builds the model from its settings and the data's sizes
	 * @return a builder
	 */
	public static <S extends ModelSettings> Builder<S> builder(String name, Class<S> settingsType,
			Function<HyperParameters, S> binder, BiFunction<S, ModelContext, SequentialRecommender> factory) {
		return new Builder<>(name, settingsType, binder, factory);
	}

	/**
	 * The registry name.
	 * @return the name, as RecBole spells it
	 */
	public String name() {
		return this.name;
	}

	/**
	 * One line for the CLI's model list.
	 * @return the summary
	 */
	public String summary() {
		return this.summary;
	}

	/**
	 * The defaults file, relative to the {@code io/seqrec/config} resources.
	 * @return {@code model/<name>.yaml}
	 */
	public String defaultsResource() {
		return ConfigSchema.modelResource(this.name);
	}

	/**
	 * The training modes the model supports.
	 * @return the modes
	 */
	public Set<TrainMode> trainModes() {
		return this.trainModes;
	}

	/**
	 * Why the model does not support a training mode.
	 * @param mode a mode outside {@link #trainModes()}
	 * @return the reason, or null when the mode is supported
	 */
	public @Nullable String unsupportedReason(TrainMode mode) {
		return this.unsupportedReasons.get(mode);
	}

	/**
	 * The batch transform the model needs ({@code transform} key).
	 * @return {@code mask_itemseq} for BERT4Rec, null for models without one
	 */
	public @Nullable String transform() {
		return this.transform;
	}

	/**
	 * Binds and validates the model's settings.
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public S bind(HyperParameters values) {
		return this.binder.apply(values);
	}

	/**
	 * Builds the model (not yet initialized).
	 * @param settings settings bound by this spec
	 * @param context item count, sequence length and training data
	 * @return the model
	 */
	public SequentialRecommender create(ModelSettings settings, ModelContext context) {
		return this.factory.apply(this.settingsType.cast(settings), context);
	}

	@Override
	public String toString() {
		return this.name;
	}

	/**
	 * Builds a {@link ModelSpec}.
	 *
	 * @param <S> the settings record
	 */
	public static final class Builder<S extends ModelSettings> {

		private final String name;

		private final Class<S> settingsType;

		private final Function<HyperParameters, S> binder;

		private final BiFunction<S, ModelContext, SequentialRecommender> factory;

		private final Map<TrainMode, String> reasons = new EnumMap<>(TrainMode.class);

		private String summary = "";

		private @Nullable String transform;

		private Builder(String name, Class<S> settingsType, Function<HyperParameters, S> binder,
				BiFunction<S, ModelContext, SequentialRecommender> factory) {
			this.name = name;
			this.settingsType = settingsType;
			this.binder = binder;
			this.factory = factory;
		}

		/**
		 * Sets the one-line summary.
		 * @param summary what the model is
		 * @return this builder
		 */
		public Builder<S> optSummary(String summary) {
			this.summary = summary;
			return this;
		}

		/**
		 * Declares a training mode the model does not support.
		 * @param mode the mode
		 * @param reason why, for the configuration error
		 * @return this builder
		 */
		public Builder<S> optUnsupported(TrainMode mode, String reason) {
			this.reasons.put(mode, reason);
			return this;
		}

		/**
		 * Declares the batch transform the model needs.
		 * @param transform the {@code transform} value, such as {@code mask_itemseq}
		 * @return this builder
		 */
		public Builder<S> optTransform(String transform) {
			this.transform = transform;
			return this;
		}

		/**
		 * Builds the spec.
		 * @return the spec
		 */
		public ModelSpec<S> build() {
			if (this.reasons.size() == TrainMode.values().length) {
				throw new IllegalArgumentException(this.name + " must support at least one train_mode");
			}
			return new ModelSpec<>(this);
		}

	}

}
