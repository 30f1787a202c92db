package io.seqrec.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Coerces a value to the type its schema comment declares, not to the type YAML guesses:
 * {@code 1e-3} is a float for a {@code float} key, {@code 64.0} an integer for an
 * {@code int} key (hyperopt's {@code quniform} yields floats), {@code [5,10]} a list,
 * {@code None} null, a single value a one-element list (as RecBole accepts
 * {@code topk: 10}). Choices match case-insensitively and come back in their canonical
 * spelling.
 */
final class ValueCoercer {

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");

	private static final Pattern FLOAT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

	private ValueCoercer() {
	}

	/**
	 * Coerces one value.
	 * @param spec the key's specification
	 * @param input the value as parsed from YAML or given programmatically; strings are
	 * parsed as YAML flow values unless the key is a {@code str}
	 * @param raw whether strings are raw command-line text, whose quotes are removed for
	 * {@code str} keys
	 * @return the value in its canonical, plain form
	 * @throws ConfigException naming the key and what it expects
	 */
	static @Nullable Object coerce(KeySpec spec, @Nullable Object input, boolean raw) {
		Object value = prepare(spec, input, raw);
		if (value == null) {
			if (spec.nullable()) {
				return null;
			}
			throw new ConfigException(
					"key '" + spec.name() + "' must not be null (expects " + spec.type().description() + ")");
		}
		Object coerced = switch (spec.type()) {
			case INT, FLOAT, STR, BOOL -> scalar(spec.type(), value);
			case INT_LIST, FLOAT_LIST, STR_LIST -> list(spec.type(), value);
			case DICT -> (value instanceof Map) ? value : null;
		};
		if (coerced == null) {
			throw new ConfigException(
					"key '" + spec.name() + "' expects " + spec.type().description() + ", got '" + shown(input) + "'");
		}
		return spec.hasChoices() ? choose(spec, coerced) : coerced;
	}

	private static @Nullable Object prepare(KeySpec spec, @Nullable Object input, boolean raw) {
		if (!(input instanceof String text)) {
			return Values.normalize(input);
		}
		if (Values.isNullToken(text)) {
			return null;
		}
		if (spec.type() == ValueType.STR) {
			return (raw && isQuoted(text.trim())) ? Yaml.parseFlow(text.trim()) : text;
		}
		return Yaml.parseFlow(text.trim());
	}

	private static boolean isQuoted(String text) {
		return text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
				&& text.charAt(text.length() - 1) == text.charAt(0);
	}

	private static @Nullable Object list(ValueType type, Object value) {
		List<?> items = (value instanceof List<?> list) ? list : (value instanceof Map) ? null : List.of(value);
		if (items == null) {
			return null;
		}
		ValueType element = type.elementType();
		List<Object> result = new ArrayList<>(items.size());
		for (Object item : items) {
			Object coerced = (item != null && element != null) ? scalar(element, item) : null;
			if (coerced == null) {
				return null;
			}
			result.add(coerced);
		}
		return result;
	}

	private static @Nullable Object scalar(ValueType type, Object value) {
		return switch (type) {
			case INT -> integer(value);
			case FLOAT -> floating(value);
			case STR -> string(value);
			case BOOL -> (value instanceof Boolean) ? value : null;
			default -> null;
		};
	}

	private static @Nullable Object integer(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return value;
		}
		if (value instanceof Double number) {
			boolean integral = !number.isInfinite() && number == Math.rint(number) && Math.abs(number) < 0x1p63;
			return integral ? narrow(number.longValue()) : null;
		}
		if (value instanceof String text && INTEGER.matcher(text.trim()).matches()) {
			try {
				return narrow(Long.parseLong(text.trim()));
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		if (value instanceof String text && FLOAT.matcher(text.trim()).matches()) {
			return integer(Double.parseDouble(text.trim()));
		}
		return null;
	}

	private static Object narrow(long number) {
		return (number == (int) number) ? (Object) (int) number : (Object) number;
	}

	private static @Nullable Object floating(Object value) {
		if (value instanceof Number number && !(value instanceof Double)) {
			return number.doubleValue();
		}
		if (value instanceof Double) {
			return value;
		}
		if (value instanceof String text && FLOAT.matcher(text.trim()).matches()) {
			return Double.parseDouble(text.trim());
		}
		return null;
	}

	private static @Nullable Object string(Object value) {
		if (value instanceof String) {
			return value;
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Double) {
			return Values.render(value);
		}
		return null;
	}

	private static Object choose(KeySpec spec, Object value) {
		if (value instanceof List<?> list) {
			List<Object> result = new ArrayList<>(list.size());
			list.forEach((item) -> result.add(choose(spec, item)));
			return result;
		}
		for (String choice : spec.choices()) {
			if (choice.equalsIgnoreCase(String.valueOf(value))) {
				return choice;
			}
		}
		throw new ConfigException("key '" + spec.name() + "' must be one of " + String.join(", ", spec.choices())
				+ " (got '" + value + "')");
	}

	private static String shown(@Nullable Object input) {
		return (input instanceof String text) ? text : Values.render(input);
	}

}
