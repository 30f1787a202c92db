package io.seqrec.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every value of the chart is documented (an {@code @param} line in values.yaml, a row of
 * the chart's README) and described by values.schema.json.
 */
class ChartDocumentationTests {

	private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) ", Pattern.MULTILINE);

	@Test
	void everyValueIsAnnotatedInTheReadmeAndInTheSchema() throws IOException {
		String valuesText = Files.readString(RenderedChart.CHART.resolve("values.yaml"));
		Set<String> params = new LinkedHashSet<>();
		Matcher matcher = PARAM.matcher(valuesText);
		while (matcher.find()) {
			params.add(matcher.group(1));
		}
		JsonNode values = YAMLMapper.builder().build().readTree(valuesText);
		List<String> undocumented = new ArrayList<>();
		collectUndocumented("", values, params, undocumented);
		assertThat(undocumented).as("values without an @param line").isEmpty();

		String readme = Files.readString(RenderedChart.CHART.resolve("README.md"));
		JsonNode schema = JsonMapper.builder().build().readTree(RenderedChart.CHART.resolve("values.schema.json"));
		for (String param : params) {
			assertThat(readme).as("README row of " + param).contains("| `" + param + "` |");
			JsonNode node = schema;
			for (String key : param.split("\\.")) {
				node = node.path("properties").path(key);
			}
			assertThat(node.path("description").asString()).as("schema of " + param).isNotBlank();
		}
		assertThat(params).hasSizeGreaterThan(200);
	}

	private static void collectUndocumented(String path, JsonNode node, Set<String> params, List<String> missing) {
		if (!path.isEmpty() && params.contains(path)) {
			return;
		}
		if (node.isObject() && !node.isEmpty()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				collectUndocumented(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(), entry.getValue(),
						params, missing);
			}
			return;
		}
		missing.add(path);
	}

}
