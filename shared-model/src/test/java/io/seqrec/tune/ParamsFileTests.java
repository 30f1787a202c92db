package io.seqrec.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.seqrec.config.ConfigException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The params-file semantics of MODELS.md 1.8 (RecBole's {@code _build_space_from_file}).
 */
class ParamsFileTests {

	private final List<String> warnings = new ArrayList<>();

	private SearchSpace parse(String... lines) {
		return ParamsFile.parse(String.join("\n", lines) + "\n", "hyper.test", this.warnings::add);
	}

	private static Dimension only(SearchSpace space) {
		assertThat(space.dimensions()).hasSize(1);
		return space.dimensions().get(0);
	}

	@Test
	void readsRecBoleShippedExampleSortedByName() {
		SearchSpace space = parse("learning_rate loguniform -8,0", "embedding_size choice [64,96,128]",
				"train_batch_size choice [512,1024,2048]", "mlp_hidden_size choice ['[64,64,64]','[128,128]']");
		assertThat(space.names()).containsExactly("embedding_size", "learning_rate", "mlp_hidden_size",
				"train_batch_size");
		assertThat(space.gridSize()).isEqualTo(3 * 3 * 2);
		assertThat(space.line("learning_rate")).isEqualTo(1);
		assertThat(space.line("mlp_hidden_size")).isEqualTo(4);
	}

	@Test
	void choiceValuesKeepTheirPythonTypesAndQuotedListsStayStrings() {
		Dimension.Choice choice = (Dimension.Choice) only(
				parse("x choice [1, 2.5, 1e-4, 'gelu', \"relu\", True, None, '[64,64]', [1,2], (3,4)]"));
		assertThat(choice.values()).containsExactly(1, 2.5, 1e-4, "gelu", "relu", true, null, "[64,64]", List.of(1, 2),
				List.of(3, 4));
	}

	@Test
	void tokensFromTheThirdOnAreJoinedWithoutSpaces() {
		Dimension.Choice choice = (Dimension.Choice) only(parse("hidden_size choice [64, 96,  128]"));
		assertThat(choice.values()).containsExactly(64, 96, 128);
		// a double space after the type only adds an empty token, which joins to nothing
		assertThat(((Dimension.Choice) only(parse("n_layers choice  [1,2]"))).values()).containsExactly(1, 2);
		// spaces inside a quoted string vanish too, as in RecBole
		assertThat(((Dimension.Choice) only(parse("act choice ['a b']"))).values()).containsExactly("ab");
	}

	@Test
	void aDoubleSpaceAfterTheNameIsAnIllegalParamTypeWithItsLine() {
		assertThatThrownBy(() -> parse("learning_rate loguniform -8,0", "n_layers  choice [1,2]"))
			.isInstanceOf(ConfigException.class)
			.hasMessageStartingWith("hyper.test line 2: Illegal param type []");
		assertThatThrownBy(() -> parse("x gaussian 0,1")).hasMessageContaining("line 1: Illegal param type [gaussian]");
	}

	@Test
	void linesWithFewerThanThreeTokensAreSkippedWithAWarning() {
		SearchSpace space = parse("", "   ", "learning_rate\tloguniform -8,0", "dropout choice", "n_layers choice [1]");
		assertThat(space.names()).containsExactly("n_layers");
		assertThat(this.warnings).hasSize(2);
		assertThat(this.warnings.get(0)).startsWith("hyper.test line 3: skipped");
		assertThat(this.warnings.get(1)).startsWith("hyper.test line 4: skipped");
	}

	@Test
	void uniformDrawsFloatsWithinItsBounds() {
		Dimension uniform = only(parse("p uniform 0.1,0.5"));
		SplittableRandom random = new SplittableRandom(1);
		for (int i = 0; i < 1000; i++) {
			Object value = uniform.value(uniform.sample(random));
			assertThat(value).isInstanceOf(Double.class);
			assertThat((Double) value).isBetween(0.1, 0.5);
		}
	}

	@Test
	void quniformDrawsRoundedFloatsNotIntegers() {
		Dimension quniform = only(parse("hidden_size quniform 32,128,32"));
		SplittableRandom random = new SplittableRandom(2);
		List<Object> seen = new ArrayList<>();
		for (int i = 0; i < 2000; i++) {
			Object value = quniform.value(quniform.sample(random));
			assertThat(value).isInstanceOf(Double.class);
			if (!seen.contains(value)) {
				seen.add(value);
			}
		}
		assertThat(seen).containsExactlyInAnyOrder(32.0, 64.0, 96.0, 128.0);
		// numpy rounds half to even: 48 / 32 = 1.5 -> 2, 80 / 32 = 2.5 -> 2
		Dimension.QUniform q = (Dimension.QUniform) quniform;
		assertThat(q.quantize(48)).isEqualTo(64.0);
		assertThat(q.quantize(80)).isEqualTo(64.0);
	}

	@Test
	void loguniformBoundsAreNaturalLogarithms() {
		Dimension log = only(parse("learning_rate loguniform -8,0"));
		SplittableRandom random = new SplittableRandom(3);
		double min = 1;
		double max = 0;
		for (int i = 0; i < 5000; i++) {
			double value = (Double) log.value(log.sample(random));
			min = Math.min(min, value);
			max = Math.max(max, value);
		}
		assertThat(min).isGreaterThanOrEqualTo(Math.exp(-8)).isLessThan(4e-4);
		assertThat(max).isLessThanOrEqualTo(1.0).isGreaterThan(0.9);
		assertThat(Math.exp(-8)).isCloseTo(3.35e-4, within(1e-6));
	}

	@Test
	void badValuesAreOneLineErrorsWithTheLine() {
		assertThatThrownBy(() -> parse("a choice [1,2", "b choice 5")).hasMessageStartingWith("hyper.test line 1:")
			.hasMessageContaining("not a Python list");
		assertThatThrownBy(() -> parse("b choice 5"))
			.hasMessage("hyper.test line 1: choice for b needs a list such as [1,2], got 5");
		assertThatThrownBy(() -> parse("c uniform 1,2,3"))
			.hasMessage("hyper.test line 1: uniform needs low,high, got '1,2,3'");
		assertThatThrownBy(() -> parse("d quniform 1,2")).hasMessageContaining("quniform needs low,high,q");
		assertThatThrownBy(() -> parse("e loguniform -8,x")).hasMessageContaining("line 1: loguniform bound 'x'");
		assertThatThrownBy(() -> parse("f choice []")).hasMessageContaining("line 1: choice needs at least one value");
		assertThatThrownBy(() -> parse("g uniform 2,1")).hasMessageContaining("line 1:")
			.hasMessageContaining("low <= high");
		for (String message : Arrays.asList(catchMessage("a choice [1,2"), catchMessage("x  y z"))) {
			assertThat(message.lines()).hasSize(1);
		}
	}

	@Test
	void aNameGivenTwiceKeepsItsLastLine() {
		SearchSpace space = parse("n choice [1,2]", "n choice [3]");
		assertThat(((Dimension.Choice) only(space)).values()).containsExactly(3);
		assertThat(space.line("n")).isEqualTo(2);
	}

	@Test
	void anEmptyFileIsAnError() {
		// RecBole has no comments: a commented line of three words is a bad type
		assertThatThrownBy(() -> parse("# a comment")).isInstanceOf(ConfigException.class)
			.hasMessageContaining("line 1: Illegal param type [a]");
		assertThatThrownBy(() -> parse("", "# note")).hasMessageContaining("defines no parameter");
	}

	@Test
	void valuesOfAPointComeInAlphabeticalOrder() {
		SearchSpace space = parse("b choice ['x','y']", "a uniform 0,1");
		Map<String, Object> values = space.values(new double[] { 0.25, 1 });
		assertThat(values).containsExactly(Map.entry("a", 0.25), Map.entry("b", "y"));
	}

	private String catchMessage(String line) {
		try {
			parse(line);
			return "";
		}
		catch (ConfigException ex) {
			return ex.getMessage();
		}
	}

}
