package io.seqrec.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a documented YAML file into key specifications. Every top-level key must carry a
 * {@code # (type) meaning} comment on its line; {@code ## Title} lines start sections.
 * Type grammar: {@code int}, {@code float}, {@code str}, {@code bool},
 * {@code list of int}, {@code list of float}, {@code list of str}, {@code dict}, then an
 * optional {@code ?} (nullable) and, for {@code str} and {@code list of str}, an optional
 * {@code : A|B|C} list of choices.
 */
final class SchemaParser {

	private static final Pattern KEY_LINE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*:(.*)$");

	private static final Pattern TYPE_COMMENT = Pattern.compile("^\\(([^)]*)\\)\\s*(.*)$");

	private SchemaParser() {
	}

	/**
	 * Reads a resource of this package.
	 * @param path the path relative to {@code io/seqrec/config/}, such as
	 * {@code model/SASRec.yaml}
	 * @return the text, or {@code null} if no such resource is shipped
	 */
	static @Nullable String readResource(String path) {
		try (InputStream in = SchemaParser.class.getResourceAsStream(path)) {
			return (in != null) ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read resource " + path, ex);
		}
	}

	/**
	 * Parses a documented YAML file.
	 * @param text the file's text
	 * @param source the file's name, recorded in each {@link KeySpec}
	 * @param defaultSection the section of keys before the first {@code ## Title}
	 * @return the specifications in file order, with defaults coerced to their types
	 * @throws IllegalStateException if a key has no valid type comment or its default
	 * does not fit the type (a defect in the shipped file)
	 */
	static List<KeySpec> parse(String text, String source, String defaultSection) {
		Map<String, @Nullable Object> values = Yaml.readMapping(text, source);
		List<KeySpec> specs = new ArrayList<>();
		String section = defaultSection;
		for (String line : text.lines().toList()) {
			if (line.startsWith("## ")) {
				section = line.substring(3).trim();
				continue;
			}
			Matcher key = KEY_LINE.matcher(line);
			if (key.matches()) {
				specs.add(spec(key.group(1), comment(key.group(2)), values.get(key.group(1)), source, section));
			}
		}
		List<String> declared = specs.stream().map(KeySpec::name).toList();
		if (!declared.equals(new ArrayList<>(values.keySet()))) {
			throw new IllegalStateException(
					source + ": top-level keys " + values.keySet() + " do not match the documented lines " + declared);
		}
		return specs;
	}

	private static KeySpec spec(String name, @Nullable String comment, @Nullable Object value, String source,
			String section) {
		Matcher matcher = (comment != null) ? TYPE_COMMENT.matcher(comment) : null;
		if (matcher == null || !matcher.matches()) {
			throw new IllegalStateException(source + ": key '" + name + "' has no '# (type) meaning' comment");
		}
		String expression = matcher.group(1);
		int colon = expression.indexOf(':');
		String typePart = ((colon < 0) ? expression : expression.substring(0, colon)).trim();
		boolean nullable = typePart.endsWith("?");
		ValueType type = ValueType.fromLabel(nullable ? typePart.substring(0, typePart.length() - 1) : typePart);
		if (type == null) {
			throw new IllegalStateException(source + ": key '" + name + "' has an unknown type '" + typePart + "'");
		}
		List<String> choices = (colon < 0) ? List.of()
				: Arrays.stream(expression.substring(colon + 1).split("\\|")).map(String::trim).toList();
		if (!choices.isEmpty() && (!type.allowsChoices() || choices.contains(""))) {
			throw new IllegalStateException(source + ": key '" + name + "' has invalid choices '" + expression + "'");
		}
		KeySpec untyped = new KeySpec(name, type, nullable, choices, null, matcher.group(2), source, section);
		try {
			Object coerced = Values.immutable(ValueCoercer.coerce(untyped, value, false));
			return new KeySpec(name, type, nullable, choices, coerced, matcher.group(2), source, section);
		}
		catch (ConfigException ex) {
			throw new IllegalStateException(source + ": default does not fit its type: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The comment of a line's value part: text after the first {@code #} that is outside
	 * quotes and follows whitespace.
	 * @param rest the line after the key's colon
	 * @return the comment, trimmed, or {@code null} if there is none
	 */
	static @Nullable String comment(String rest) {
		char quote = 0;
		char previous = '[';
		for (int i = 0; i < rest.length(); i++) {
			char c = rest.charAt(i);
			if ((quote == '"' && c == '\\') || (quote == '\'' && c == '\'' && rest.startsWith("''", i))) {
				i++;
			}
			else if (quote != 0) {
				quote = (c == quote) ? 0 : quote;
			}
			else if ((c == '\'' || c == '"') && "[{,:".indexOf(previous) >= 0) {
				quote = c;
			}
			else if (c == '#' && (i == 0 || Character.isWhitespace(rest.charAt(i - 1)))) {
				return rest.substring(i + 1).trim();
			}
			previous = Character.isWhitespace(c) ? previous : c;
		}
		return null;
	}

}
