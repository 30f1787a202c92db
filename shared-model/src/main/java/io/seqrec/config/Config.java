package io.seqrec.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The effective, validated, immutable configuration of one run: every key of the model's
 * {@link ConfigSchema} with its value. Getters throw {@link ConfigException} for a key
 * the model does not know, a key of another type, and null where a value is required.
 */
public final class Config {

	private final ConfigSchema schema;

	private final @Nullable String dataset;

	private final Map<String, @Nullable Object> values;

	Config(ConfigSchema schema, @Nullable String dataset, Map<String, @Nullable Object> values) {
		this.schema = schema;
		this.dataset = dataset;
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		schema.keys().forEach((spec) -> copy.put(spec.name(), Values.immutable(values.get(spec.name()))));
		this.values = Collections.unmodifiableMap(copy);
	}

	/**
	 * The model, in its canonical spelling.
	 * @return the model name, such as {@code SASRec}
	 */
	public String model() {
		return this.schema.model();
	}

	/**
	 * The dataset, from the request or from a layer's {@code dataset} key.
	 * @return the dataset name, or {@code null} if none was given
	 */
	public @Nullable String dataset() {
		return this.dataset;
	}

	/**
	 * The schema the values follow.
	 * @return the model's schema
	 */
	public ConfigSchema schema() {
		return this.schema;
	}

	/**
	 * Whether the model knows a key (its value may still be null).
	 * @param key the key
	 * @return {@code true} if the key is in the schema
	 */
	public boolean has(String key) {
		return this.schema.contains(key);
	}

	/**
	 * Whether a key's value is null.
	 * @param key the key
	 * @return {@code true} if the value is null
	 */
	public boolean isNull(String key) {
		return get(key) == null;
	}

	/**
	 * A key's value as a plain, unmodifiable value.
	 * @param key the key
	 * @return the value, possibly null
	 */
	public @Nullable Object get(String key) {
		this.schema.spec(key);
		return this.values.get(key);
	}

	/**
	 * An {@code int} value.
	 * @param key the key
	 * @return the value
	 */
	public int getInt(String key) {
		long value = getLong(key);
		if (value != (int) value) {
			throw new ConfigException("key '" + key + "' is " + value + ", which does not fit a 32-bit int");
		}
		return (int) value;
	}

	/**
	 * An {@code int} value as a long.
	 * @param key the key
	 * @return the value
	 */
	public long getLong(String key) {
		return ((Number) required(key, ValueType.INT)).longValue();
	}

	/**
	 * A {@code float} (or {@code int}) value.
	 * @param key the key
	 * @return the value
	 */
	public double getDouble(String key) {
		return ((Number) required(key, ValueType.FLOAT, ValueType.INT)).doubleValue();
	}

	/**
	 * A {@code float} (or {@code int}) value, narrowed to a float.
	 * @param key the key
	 * @return the value
	 */
	public float getFloat(String key) {
		return (float) getDouble(key);
	}

	/**
	 * A {@code bool} value.
	 * @param key the key
	 * @return the value
	 */
	public boolean getBoolean(String key) {
		return (Boolean) required(key, ValueType.BOOL);
	}

	/**
	 * A {@code str} value that must be set.
	 * @param key the key
	 * @return the value
	 */
	public String getString(String key) {
		return (String) required(key, ValueType.STR);
	}

	/**
	 * A {@code str} value that may be null.
	 * @param key the key
	 * @return the value, or {@code null}
	 */
	public @Nullable String getOptionalString(String key) {
		return (String) typed(key, ValueType.STR);
	}

	/**
	 * A {@code list of int} value.
	 * @param key the key
	 * @return the unmodifiable list
	 */
	@SuppressWarnings("unchecked")
	public List<Integer> getIntList(String key) {
		List<Number> list = (List<Number>) required(key, ValueType.INT_LIST);
		return list.stream().map((number) -> Math.toIntExact(number.longValue())).toList();
	}

	/**
	 * A {@code list of str} value.
	 * @param key the key
	 * @return the unmodifiable list
	 */
	@SuppressWarnings("unchecked")
	public List<String> getStringList(String key) {
		return List.copyOf((List<String>) required(key, ValueType.STR_LIST));
	}

	/**
	 * A {@code dict} value that must be set.
	 * @param key the key
	 * @return a mutable deep copy
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> getMap(String key) {
		return (Map<String, @Nullable Object>) Values.mutable(required(key, ValueType.DICT));
	}

	/**
	 * A {@code dict} value that may be null.
	 * @param key the key
	 * @return a mutable deep copy, or {@code null}
	 */
	@SuppressWarnings("unchecked")
	public @Nullable Map<String, @Nullable Object> getOptionalMap(String key) {
		return (Map<String, @Nullable Object>) Values.mutable(typed(key, ValueType.DICT));
	}

	/**
	 * The effective values, overall keys in file order, then the model's keys, as plain
	 * JSON-able values (Integer/Long, Double, Boolean, String, List, LinkedHashMap,
	 * null); without {@code model} and {@code dataset} (see {@link #model()},
	 * {@link #dataset()}).
	 * @return a mutable deep copy, which loads back as {@code parameters}
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> asMap() {
		return (Map<String, @Nullable Object>) Values.mutable(this.values);
	}

	/**
	 * A copy with some values replaced, coerced and validated as a new highest layer
	 * (used by hyper-parameter tuning).
	 * @param overrides the values to set; strings are parsed as YAML flow values
	 * @return the new configuration
	 * @throws ConfigException if a key or value is invalid
	 */
	public Config with(Map<String, @Nullable Object> overrides) {
		return ConfigLoader.override(this, overrides);
	}

	/**
	 * The effective configuration for logs, as RecBole logs it: see
	 * {@link ConfigRenderer}.
	 * @return one {@code key = value} line per key, grouped by the files' sections
	 */
	@Override
	public String toString() {
		return ConfigRenderer.render(this.schema, this.dataset, this.values);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof Config config && this.schema.model().equals(config.schema.model())
				&& Objects.equals(this.dataset, config.dataset) && this.values.equals(config.values);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.schema.model(), this.dataset, this.values);
	}

	private Object required(String key, ValueType... accepted) {
		Object value = typed(key, accepted);
		if (value == null) {
			throw new ConfigException("key '" + key + "' is not set (null) for " + model());
		}
		return value;
	}

	private @Nullable Object typed(String key, ValueType... accepted) {
		this.schema.spec(key, accepted);
		return this.values.get(key);
	}

}
