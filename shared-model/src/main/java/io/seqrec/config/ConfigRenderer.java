package io.seqrec.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Renders the effective configuration for the start-of-run log, as RecBole logs its
 * {@code Config}: a title per section, then {@code key = value} lines. Sections follow
 * the files: those of {@code overall.yaml}, then the model file's, each key under the
 * file that declares it.
 */
final class ConfigRenderer {

	private ConfigRenderer() {
	}

	/**
	 * Renders values grouped by the sections of the files that declare their keys.
	 * @param schema the model's schema
	 * @param dataset the dataset, or {@code null}
	 * @param values the effective values
	 * @return the text, sections separated by blank lines
	 */
	static String render(ConfigSchema schema, @Nullable String dataset, Map<String, @Nullable Object> values) {
		List<KeySpec> ordered = new ArrayList<>();
		schema.keys().stream().filter((spec) -> !schema.declaresInModelFile(spec.name())).forEach(ordered::add);
		schema.modelKeys().forEach((key) -> ordered.add(schema.spec(key)));
		Map<String, List<String>> sections = new LinkedHashMap<>();
		for (KeySpec spec : ordered) {
			sections.computeIfAbsent(spec.section(), (title) -> new ArrayList<>())
				.add(spec.name() + " = " + Values.render(values.get(spec.name())));
		}
		StringBuilder text = new StringBuilder();
		text.append("model = ").append(schema.model()).append('\n');
		text.append("dataset = ").append(Values.render(dataset)).append('\n');
		sections.forEach((title, lines) -> {
			text.append('\n').append(title).append(":\n");
			lines.forEach((line) -> text.append(line).append('\n'));
		});
		return text.toString();
	}

}
