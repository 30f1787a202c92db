package io.seqrec.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Applies layers over a starting set of values. A key replaces the whole value below it,
 * as in RecBole, except {@code eval_args}, whose sub-keys are merged over the value
 * below. That is a deliberate, friendlier deviation: in RecBole a partial
 * {@code eval_args} replaces the sequential preset and the missing sub-keys fall back to
 * the generic defaults, which silently switches to {@code order: RO} and then fails in
 * {@code SequentialDataset.build}.
 */
final class ConfigMerger {

	/**
	 * Keys that name the run rather than configure it; {@link ConfigLoader} checks them.
	 */
	static final Set<String> IDENTITY_KEYS = Set.of("model", "dataset");

	/** Keys whose dict values are merged sub-key by sub-key. */
	static final Set<String> MERGED_KEYS = Set.of("eval_args");

	private final ConfigSchema schema;

	private final Map<String, @Nullable Object> values;

	/**
	 * Starts from given values.
	 * @param schema the model's schema
	 * @param start the values below the first layer (defaults or an existing config)
	 */
	ConfigMerger(ConfigSchema schema, Map<String, @Nullable Object> start) {
		this.schema = schema;
		this.values = new LinkedHashMap<>();
		start.forEach((key, value) -> this.values.put(key, Values.mutable(value)));
	}

	/**
	 * Applies a layer over the current values.
	 * @param layer the layer
	 * @return this merger
	 * @throws ConfigException for an unknown key or a value that does not fit its type,
	 * naming the layer
	 */
	ConfigMerger apply(Layer layer) {
		layer.values().forEach((key, input) -> {
			if (IDENTITY_KEYS.contains(key)) {
				return;
			}
			KeySpec spec = this.schema.find(key)
				.orElseThrow(() -> new ConfigException(layer.locate(UnknownKeys.message(this.schema, key))));
			Object value;
			try {
				value = ValueCoercer.coerce(spec, input, layer.raw());
			}
			catch (ConfigException ex) {
				throw new ConfigException(layer.locate(ex.getMessage()), ex);
			}
			Object below = this.values.get(key);
			if (MERGED_KEYS.contains(key) && value instanceof Map<?, ?> over && below instanceof Map<?, ?> under) {
				Map<String, @Nullable Object> merged = new LinkedHashMap<>();
				under.forEach((subKey, subValue) -> merged.put(String.valueOf(subKey), subValue));
				over.forEach((subKey, subValue) -> merged.put(String.valueOf(subKey), subValue));
				value = merged;
			}
			this.values.put(key, value);
		});
		return this;
	}

	/**
	 * The merged values, in schema order.
	 * @return the values (mutable; the validator normalises them in place)
	 */
	Map<String, @Nullable Object> values() {
		return this.values;
	}

}
