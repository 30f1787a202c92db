package io.seqrec.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML documents and flow values with Jackson. Scalars come back as Jackson reads
 * them (for instance {@code True} and {@code ~} stay strings); the schema decides their
 * type later, see {@link ValueCoercer}.
 */
final class Yaml {

	private static final YAMLMapper MAPPER = YAMLMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private Yaml() {
	}

	/**
	 * Reads a document whose top level is a mapping; an empty document is an empty map.
	 * @param text the YAML text
	 * @param origin where the text comes from, for error messages
	 * @return the top-level keys in document order, values normalised by
	 * {@link Values#normalize(Object)}
	 * @throws ConfigException if the text is not YAML or not a mapping
	 */
	static Map<String, @Nullable Object> readMapping(String text, String origin) {
		JsonNode tree;
		try {
			tree = MAPPER.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ConfigException("cannot parse " + origin + ": " + firstLine(ex.getOriginalMessage()), ex);
		}
		if (tree == null || tree.isMissingNode() || tree.isNull()) {
			return new LinkedHashMap<>();
		}
		if (!tree.isObject()) {
			throw new ConfigException(origin + " must be a mapping of keys to values, not " + tree.getNodeType());
		}
		Object value = Values.normalize(MAPPER.convertValue(tree, Object.class));
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> map = (Map<String, @Nullable Object>) value;
		return map;
	}

	/**
	 * Parses a raw string as a YAML flow value ({@code [5, 10]}, {@code {order: TO}},
	 * {@code 1e-3}).
	 * @param text the raw value
	 * @return the parsed value, normalised, or the text itself when it is not valid YAML
	 */
	static @Nullable Object parseFlow(String text) {
		if (text.isBlank()) {
			return text;
		}
		try {
			JsonNode tree = MAPPER.readTree(text);
			if (tree == null || tree.isMissingNode()) {
				return text;
			}
			return Values.normalize(MAPPER.convertValue(tree, Object.class));
		}
		catch (JacksonException ex) {
			return text;
		}
	}

	private static String firstLine(String message) {
		int newline = message.indexOf('\n');
		return (newline < 0) ? message : message.substring(0, newline);
	}

}
