package io.seqrec.config;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The shipped YAML files are the schema: every key documents its type on its line.
 */
class SchemaFileTests {

	private static final Pattern KEY_LINE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*:.*");

	@Test
	void everyKeyOfEveryShippedFileCarriesATypeComment() throws IOException {
		List<Path> files = shippedFiles();
		assertThat(files.stream().map((file) -> root().relativize(file).toString().replace('\\', '/'))).contains(
				"overall.yaml", "model/SASRec.yaml", "model/BERT4Rec.yaml", "model/FEARec.yaml", "model/SINE.yaml",
				"model/Pop.yaml", "dataset/ml-100k.yaml");
		for (Path file : files) {
			String source = root().relativize(file).toString();
			String text = Files.readString(file);
			List<KeySpec> specs = SchemaParser.parse(text, source, "test");
			long keyLines = text.lines().filter((line) -> KEY_LINE.matcher(line).matches()).count();
			assertThat(specs).as(source).hasSize((int) keyLines);
			for (KeySpec spec : specs) {
				assertThat(spec.doc()).as(source + " " + spec.name()).isNotBlank();
				assertThat(spec.defaultValue() != null || spec.nullable()).as(source + " " + spec.name()).isTrue();
			}
		}
	}

	@Test
	void everyShippedModelHasAFileAndEveryModelFileAModel() throws IOException {
		try (Stream<Path> models = Files.list(root().resolve("model"))) {
			assertThat(models.map((file) -> file.getFileName().toString().replace(".yaml", "")))
				.containsExactlyInAnyOrderElementsOf(ConfigSchema.MODEL_FILES);
		}
	}

	@Test
	void datasetFilesDeclareTheSameTypesAsOverall() throws IOException {
		ConfigSchema schema = ConfigSchema.forModel("SASRec");
		try (Stream<Path> datasets = Files.list(root().resolve("dataset"))) {
			for (Path file : datasets.toList()) {
				for (KeySpec spec : SchemaParser.parse(Files.readString(file), file.toString(), "test")) {
					KeySpec overall = schema.spec(spec.name());
					assertThat(spec.typeExpression()).as(file + " " + spec.name()).isEqualTo(overall.typeExpression());
				}
			}
		}
	}

	@Test
	void typeGrammar() {
		List<KeySpec> specs = SchemaParser.parse("""
				## Section
				a: 1            # (int) An int.
				b: ~            # (str?: x|Y) A nullable choice.
				c: [x]          # (list of str: x|y) Choices per element.
				d: {k: v}       # (dict) A dict.
				e: "a # b"      # (str) A hash inside quotes.
				f: [1.5]        # (list of float) Floats.
				""", "test.yaml", "none");
		assertThat(specs).extracting(KeySpec::typeExpression)
			.containsExactly("int", "str?: x|Y", "list of str: x|y", "dict", "str", "list of float");
		assertThat(specs.get(4).defaultValue()).isEqualTo("a # b");
		assertThat(specs.get(1).section()).isEqualTo("Section");
		assertThat(specs.get(1).source()).isEqualTo("test.yaml");
	}

	@Test
	void malformedDeclarationsAreRejected() {
		assertThatIllegalStateException().isThrownBy(() -> SchemaParser.parse("a: 1\n", "t.yaml", "s"))
			.withMessage("t.yaml: key 'a' has no '# (type) meaning' comment");
		assertThatIllegalStateException().isThrownBy(() -> SchemaParser.parse("a: 1  # An int.\n", "t.yaml", "s"))
			.withMessage("t.yaml: key 'a' has no '# (type) meaning' comment");
		assertThatIllegalStateException().isThrownBy(() -> SchemaParser.parse("a: 1  # (integer) x\n", "t.yaml", "s"))
			.withMessage("t.yaml: key 'a' has an unknown type 'integer'");
		assertThatIllegalStateException().isThrownBy(() -> SchemaParser.parse("a: 1  # (int: 1|2) x\n", "t.yaml", "s"))
			.withMessage("t.yaml: key 'a' has invalid choices 'int: 1|2'");
		assertThatIllegalStateException().isThrownBy(() -> SchemaParser.parse("a: ~  # (int) x\n", "t.yaml", "s"))
			.withMessageContaining("key 'a' must not be null");
	}

	@Test
	void commentsAreFoundOutsideQuotes() {
		assertThat(SchemaParser.comment(" 'it''s # not' # (str) yes")).isEqualTo("(str) yes");
		assertThat(SchemaParser.comment(" \"a \\\" # b\" # (str) c")).isEqualTo("(str) c");
		assertThat(SchemaParser.comment(" it's # (str) plain")).isEqualTo("(str) plain");
		assertThat(SchemaParser.comment(" a#b")).isNull();
	}

	@Test
	void schemaListsKeysWithTheirDocumentation() {
		ConfigSchema schema = ConfigSchema.forModel("bert4rec");
		KeySpec transform = schema.spec("transform");
		assertThat(transform.source()).isEqualTo("model/BERT4Rec.yaml");
		assertThat(transform.typeExpression()).isEqualTo("str: mask_itemseq");
		KeySpec epochs = schema.spec("epochs");
		assertThat(epochs.source()).isEqualTo("overall.yaml");
		assertThat(epochs.section()).isEqualTo("Training Settings");
		assertThat(epochs.doc()).isEqualTo("The maximum number of training epochs.");
		assertThat(schema.keys().get(0).name()).isEqualTo("seed");
		assertThat(schema.keys().get(schema.keys().size() - 1).name()).isEqualTo("ft_ratio");
		assertThat(schema.find("nope")).isEmpty();
		assertThat(ConfigSchema.forModel("BERT4Rec")).isSameAs(schema);
	}

	private static List<Path> shippedFiles() throws IOException {
		try (Stream<Path> files = Files.walk(root())) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	private static Path root() {
		try {
			return Path.of(Objects.requireNonNull(ConfigSchema.class.getResource(ConfigSchema.OVERALL)).toURI())
				.getParent();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
