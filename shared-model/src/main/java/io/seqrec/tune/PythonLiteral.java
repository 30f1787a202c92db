package io.seqrec.tune;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads a Python literal, what RecBole's {@code eval} of a {@code choice} value accepts
 * in practice: numbers ({@code 5} an integer, {@code 0.5}, {@code 5.}, {@code 1e-4}
 * floats), strings in single or double quotes, {@code True}, {@code False}, {@code None},
 * lists, tuples (read as lists) and dicts, nested. Integers become {@link Integer} or
 * {@link Long}, floats {@link Double}; expressions other than a sign are not evaluated.
 */
final class PythonLiteral {

	private final String text;

	private int pos;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/**
	 * Parses one literal.
	 * @param text the text
	 * @return the value
	 * @throws IllegalArgumentException saying what is wrong and where
	 */
	static @Nullable Object parse(String text) {
		PythonLiteral parser = new PythonLiteral(text);
		Object value = parser.value();
		parser.skipSpace();
		if (parser.pos < text.length()) {
			throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
		}
		return value;
	}

	private @Nullable Object value() {
		skipSpace();
		if (this.pos >= this.text.length()) {
			throw error("a value is missing");
		}
		char c = this.text.charAt(this.pos);
		return switch (c) {
			case '[' -> sequence(']');
			case '(' -> sequence(')');
			case '{' -> dict();
			case '\'', '"' -> string(c);
			default -> scalar();
		};
	}

	private List<@Nullable Object> sequence(char close) {
		this.pos++;
		List<@Nullable Object> items = new ArrayList<>();
		while (true) {
			skipSpace();
			if (peek(close)) {
				this.pos++;
				return items;
			}
			items.add(value());
			skipSpace();
			if (peek(',')) {
				this.pos++;
			}
			else if (!peek(close)) {
				throw error("expected ',' or '" + close + "'");
			}
		}
	}

	private Map<String, @Nullable Object> dict() {
		this.pos++;
		Map<String, @Nullable Object> entries = new LinkedHashMap<>();
		while (true) {
			skipSpace();
			if (peek('}')) {
				this.pos++;
				return entries;
			}
			Object key = value();
			skipSpace();
			if (!peek(':')) {
				throw error("expected ':' after a dict key");
			}
			this.pos++;
			entries.put(String.valueOf(key), value());
			skipSpace();
			if (peek(',')) {
				this.pos++;
			}
			else if (!peek('}')) {
				throw error("expected ',' or '}'");
			}
		}
	}

	private String string(char quote) {
		StringBuilder value = new StringBuilder();
		this.pos++;
		while (this.pos < this.text.length()) {
			char c = this.text.charAt(this.pos++);
			if (c == quote) {
				return value.toString();
			}
			if (c == '\\' && this.pos < this.text.length()) {
				char escaped = this.text.charAt(this.pos++);
				value.append(switch (escaped) {
					case 'n' -> '\n';
					case 't' -> '\t';
					case 'r' -> '\r';
					default -> escaped;
				});
			}
			else {
				value.append(c);
			}
		}
		throw error("a string is not closed");
	}

	private @Nullable Object scalar() {
		int start = this.pos;
		while (this.pos < this.text.length() && isScalarChar(this.text.charAt(this.pos))) {
			this.pos++;
		}
		String token = this.text.substring(start, this.pos);
		switch (token) {
			case "True":
				return Boolean.TRUE;
			case "False":
				return Boolean.FALSE;
			case "None":
				return null;
			default:
				break;
		}
		String digits = token.replace("_", "");
		if (digits.matches("[-+]?\\d+")) {
			BigInteger integer = new BigInteger(digits);
			if (integer.bitLength() < 32) {
				return integer.intValue();
			}
			return (integer.bitLength() < 64) ? (Object) integer.longValue() : (Object) integer.doubleValue();
		}
		if (digits.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
			return Double.parseDouble(digits);
		}
		this.pos = start;
		throw error((token.isEmpty() ? "unexpected '" + this.text.charAt(start) + "'" : "'" + token + "'")
				+ " is not a Python literal");
	}

	private static boolean isScalarChar(char c) {
		return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+';
	}

	private boolean peek(char c) {
		return this.pos < this.text.length() && this.text.charAt(this.pos) == c;
	}

	private void skipSpace() {
		while (this.pos < this.text.length() && Character.isWhitespace(this.text.charAt(this.pos))) {
			this.pos++;
		}
	}

	private IllegalArgumentException error(String message) {
		return new IllegalArgumentException(message + " at character " + (this.pos + 1) + " of " + this.text);
	}

}
