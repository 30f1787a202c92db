package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigSchema;

/**
 * Typed read access to a model's hyper-parameters under their RecBole keys, from a
 * validated configuration or from the values stored in an artifact.
 *
 * <p>
 * Stored values are read over the model's current defaults: a key an older artifact does
 * not have takes today's default, and a key it has that the model no longer reads is
 * ignored, so artifacts stay loadable when the defaults change.
 */
public final class HyperParameters {

	private final Map<String, @Nullable Object> values;

	private HyperParameters(Map<String, @Nullable Object> values) {
		this.values = values;
	}

	/**
	 * The hyper-parameters of a configuration.
	 * @param config the validated configuration
	 * @return a reader over every key of the configuration
	 */
	public static HyperParameters of(Config config) {
		return new HyperParameters(config.asMap());
	}

	/**
	 * Stored hyper-parameters over a model's current defaults.
	 * @param model the canonical model name (its defaults file must exist)
	 * @param stored the stored values by key
	 * @return a reader: stored values first, then defaults
	 */
	public static HyperParameters stored(String model, Map<String, ?> stored) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>(ConfigSchema.forModel(model).defaults());
		values.putAll(stored);
		return new HyperParameters(values);
	}

	/**
	 * Hyper-parameters given directly, for tests and tools.
	 * @param values the values by key
	 * @return a reader over exactly these values
	 */
	public static HyperParameters of(Map<String, ?> values) {
		return new HyperParameters(new LinkedHashMap<>(values));
	}

	/**
	 * An integer value.
	 * @param key the key
	 * @return the value
	 * @throws IllegalArgumentException if it is missing or not an integer
	 */
	public int getInt(String key) {
		Number number = number(key);
		if (number.doubleValue() != Math.rint(number.doubleValue()) || number.longValue() != (int) number.longValue()) {
			throw new IllegalArgumentException(key + " must be an integer, got " + number);
		}
		return number.intValue();
	}

	/**
	 * A numeric value narrowed to a float.
	 * @param key the key
	 * @return the value
	 * @throws IllegalArgumentException if it is missing or not a number
	 */
	public float getFloat(String key) {
		return number(key).floatValue();
	}

	/**
	 * A numeric value.
	 * @param key the key
	 * @return the value
	 * @throws IllegalArgumentException if it is missing or not a number
	 */
	public double getDouble(String key) {
		return number(key).doubleValue();
	}

	/**
	 * A boolean value.
	 * @param key the key
	 * @return the value
	 * @throws IllegalArgumentException if it is missing or not a boolean
	 */
	public boolean getBoolean(String key) {
		Object value = required(key);
		if (value instanceof Boolean bool) {
			return bool;
		}
		throw new IllegalArgumentException(key + " must be True or False, got " + value);
	}

	/**
	 * A string value that must be set.
	 * @param key the key
	 * @return the value
	 * @throws IllegalArgumentException if it is missing
	 */
	public String getString(String key) {
		return String.valueOf(required(key));
	}

	/**
	 * A string value that may be unset.
	 * @param key the key
	 * @return the value, or null when missing or null
	 */
	public @Nullable String getOptionalString(String key) {
		Object value = this.values.get(key);
		return (value != null) ? String.valueOf(value) : null;
	}

	/**
	 * A numeric value that may be unset.
	 * @param key the key
	 * @return the value, or null when missing or null
	 * @throws IllegalArgumentException if it is set but not a number
	 */
	public @Nullable Double getOptionalDouble(String key) {
		return (this.values.get(key) != null) ? getDouble(key) : null;
	}

	private Number number(String key) {
		Object value = required(key);
		if (value instanceof Number number) {
			return number;
		}
		throw new IllegalArgumentException(key + " must be a number, got '" + value + "'");
	}

	private Object required(String key) {
		Object value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException(key + " must be set");
		}
		return value;
	}

}
