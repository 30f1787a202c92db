package io.seqrec.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Helpers for the plain values a configuration holds: {@link Integer}, {@link Long},
 * {@link Double}, {@link Boolean}, {@link String}, {@link List}, {@link LinkedHashMap}
 * and {@code null}.
 */
final class Values {

	/**
	 * Strings that mean null: YAML's and Python's ({@code None}, as RecBole writes it).
	 */
	static final Set<String> NULL_TOKENS = Set.of("~", "None", "null", "Null", "NULL");

	private Values() {
	}

	/**
	 * Whether a string means null.
	 * @param text the string
	 * @return {@code true} for {@code ~}, {@code None} and {@code null} spellings
	 */
	static boolean isNullToken(String text) {
		return NULL_TOKENS.contains(text.trim());
	}

	/**
	 * Converts a parsed value to plain values: maps to {@link LinkedHashMap} with string
	 * keys, lists to {@link ArrayList}, other numbers to {@link Integer}, {@link Long} or
	 * {@link Double}, and, inside collections and at the top, the strings {@code ~},
	 * {@code None} and {@code True}/{@code False} to null and booleans.
	 * @param value the parsed value
	 * @return the plain value
	 */
	static @Nullable Object normalize(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> result = new LinkedHashMap<>();
			map.forEach((key, item) -> result.put(String.valueOf(key), normalize(item)));
			return result;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> result = new ArrayList<>(list.size());
			list.forEach((item) -> result.add(normalize(item)));
			return result;
		}
		if (value instanceof String text) {
			if (isNullToken(text)) {
				return null;
			}
			if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
				return Boolean.valueOf(text);
			}
			return text;
		}
		if (value instanceof BigInteger big) {
			return (big.bitLength() < 64) ? (Object) big.longValue() : (Object) big.doubleValue();
		}
		if (value instanceof Long number && number == number.intValue()) {
			return number.intValue();
		}
		if (value instanceof Byte || value instanceof Short) {
			return ((Number) value).intValue();
		}
		if (value instanceof Float || value instanceof BigDecimal) {
			return ((Number) value).doubleValue();
		}
		return value;
	}

	/**
	 * A deep, unmodifiable copy of a plain value (null elements allowed).
	 * @param value the value
	 * @return the copy
	 */
	static @Nullable Object immutable(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), immutable(item)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(immutable(item)));
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

	/**
	 * A deep, mutable copy of a plain value, with {@link LinkedHashMap} and
	 * {@link ArrayList}.
	 * @param value the value
	 * @return the copy
	 */
	static @Nullable Object mutable(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new LinkedHashMap<>();
			map.forEach((key, item) -> copy.put(String.valueOf(key), mutable(item)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>(list.size());
			list.forEach((item) -> copy.add(mutable(item)));
			return copy;
		}
		return value;
	}

	/**
	 * Renders a value as RecBole logs it (Python's {@code str}): {@code None},
	 * {@code True}, {@code 1e-12}, {@code ['Recall', 'MRR']}, {@code {'order': 'TO'}}.
	 * Control characters in strings are escaped.
	 * @param value the value
	 * @return the text
	 */
	static String render(@Nullable Object value) {
		return (value instanceof String text) ? escape(text) : repr(value);
	}

	/**
	 * Renders a value as Python's {@code repr}: strings quoted, containers recursively.
	 * @param value the value
	 * @return the text
	 */
	static String repr(@Nullable Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Boolean flag) {
			return flag ? "True" : "False";
		}
		if (value instanceof Double number) {
			return PythonFloat.repr(number);
		}
		if (value instanceof String text) {
			return "'" + escape(text).replace("'", "\\'") + "'";
		}
		if (value instanceof Map<?, ?> map) {
			List<String> entries = new ArrayList<>();
			map.forEach((key, item) -> entries.add(repr(String.valueOf(key)) + ": " + repr(item)));
			return "{" + String.join(", ", entries) + "}";
		}
		if (value instanceof List<?> list) {
			List<String> items = new ArrayList<>();
			list.forEach((item) -> items.add(repr(item)));
			return "[" + String.join(", ", items) + "]";
		}
		return String.valueOf(value);
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

}
