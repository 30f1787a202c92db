package io.seqrec.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The chart rendered by Helm (through helm-java's native library) and parsed into its
 * Kubernetes objects.
 */
final class RenderedChart {

	static final Path CHART = Path.of("..", "helm", "seqrec").toAbsolutePath().normalize();

	static final Path VALUES = Path.of("src", "test", "resources", "values").toAbsolutePath();

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final String text;

	private final List<JsonNode> objects;

	private RenderedChart(String text, List<JsonNode> objects) {
		this.text = text;
		this.objects = objects;
	}

	/**
	 * Renders the chart as release {@code demo} in namespace {@code recs}.
	 * @param valuesFiles values files under {@code src/test/resources/values}
	 * @return the rendered objects
	 */
	static RenderedChart render(String... valuesFiles) {
		return render("demo", Map.of(), valuesFiles);
	}

	static RenderedChart render(String release, Map<String, Object> set, String... valuesFiles) {
		TemplateCommand command = new Helm(CHART).template()
			.withName(release)
			.withNamespace("recs")
			.withKubeVersion("1.30.0");
		for (String file : valuesFiles) {
			command = command.withValuesFile(VALUES.resolve(file));
		}
		for (Map.Entry<String, Object> entry : set.entrySet()) {
			command = command.set(entry.getKey(), entry.getValue());
		}
		String text = command.call();
		List<JsonNode> objects = new ArrayList<>();
		try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(text)) {
			while (documents.hasNext()) {
				JsonNode document = documents.next();
				if (document != null && !document.isNull() && !document.isMissingNode() && document.size() > 0) {
					objects.add(document);
				}
			}
		}
		return new RenderedChart(text, objects);
	}

	String text() {
		return this.text;
	}

	List<JsonNode> objects() {
		return this.objects;
	}

	Stream<JsonNode> ofKind(String kind) {
		return this.objects.stream().filter((o) -> kind.equals(o.path("kind").asString()));
	}

	JsonNode get(String kind, String name) {
		return ofKind(kind).filter((o) -> name.equals(o.path("metadata").path("name").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in:\n" + this.text));
	}

	JsonNode deployment(String component) {
		return get("Deployment", "demo-seqrec-" + component);
	}

	JsonNode container(String component) {
		return deployment(component).at("/spec/template/spec/containers/0");
	}

	/** A component's application.yaml, parsed. */
	JsonNode config(String component) {
		return YAML.readTree(get("ConfigMap", "demo-seqrec-" + component).at("/data/application.yaml").asString());
	}

	static <T> List<T> map(JsonNode array, Function<JsonNode, T> mapper) {
		List<T> list = new ArrayList<>();
		array.forEach((node) -> list.add(mapper.apply(node)));
		return list;
	}

	static JsonNode env(JsonNode container, String name) {
		for (JsonNode env : container.path("env")) {
			if (name.equals(env.path("name").asString())) {
				return env;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
