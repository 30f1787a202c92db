package io.seqrec.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import io.seqrec.config.ConfigException;

/**
 * Reads a RecBole {@code hyper.test} params file as {@code HyperTuning} reads it, quirks
 * included.
 *
 * <p>
 * Each line is stripped and split on single spaces: {@code <name> <type> <value>}. A line
 * of fewer than three tokens is skipped (a warning says so when it is not blank), and the
 * tokens from the third on are joined without spaces, so {@code choice [64, 96]} works
 * while a double space after the name leaves the type empty: "Illegal param type []".
 * Types: {@code choice} (a Python list literal; strings such as {@code '[64,64]'} stay
 * strings), {@code uniform low,high}, {@code quniform low,high,q} (floats) and
 * {@code loguniform low,high} (natural-log bounds). A name given twice keeps its last
 * line. Every error is one line naming the file and line.
 */
public final class ParamsFile {

	private ParamsFile() {
	}

	/**
	 * Reads a params file.
	 * @param file the file
	 * @param warnings receives one line per skipped non-blank line
	 * @return the search space
	 * @throws ConfigException for a missing file or a bad line
	 */
	public static SearchSpace read(Path file, Consumer<String> warnings) {
		String text;
		try {
			text = Files.readString(file);
		}
		catch (NoSuchFileException ex) {
			throw new ConfigException("params file '" + file + "' does not exist", ex);
		}
		catch (IOException ex) {
			throw new ConfigException("cannot read params file '" + file + "': " + ex.getMessage(), ex);
		}
		return parse(text, file.toString(), warnings);
	}

	/**
	 * Parses the text of a params file.
	 * @param text the content
	 * @param origin the file name for messages
	 * @param warnings receives one line per skipped non-blank line
	 * @return the search space
	 * @throws ConfigException for a bad line
	 */
	public static SearchSpace parse(String text, String origin, Consumer<String> warnings) {
		Map<String, Dimension> dimensions = new LinkedHashMap<>();
		Map<String, Integer> lines = new LinkedHashMap<>();
		String[] rows = text.split("\n", -1);
		for (int i = 0; i < rows.length; i++) {
			String line = rows[i].strip();
			List<String> tokens = Arrays.asList(line.split(" ", -1));
			if (tokens.size() < 3) {
				if (!line.isEmpty()) {
					warnings
						.accept(origin + " line " + (i + 1) + ": skipped, fewer than 3 space-separated parts: " + line);
				}
				continue;
			}
			String name = tokens.get(0);
			String type = tokens.get(1);
			String value = String.join("", tokens.subList(2, tokens.size()));
			try {
				dimensions.put(name, dimension(name, type, value));
				lines.put(name, i + 1);
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigException(origin + " line " + (i + 1) + ": " + ex.getMessage());
			}
		}
		if (dimensions.isEmpty()) {
			throw new ConfigException(origin + " defines no parameter (lines are: name type value)");
		}
		return new SearchSpace(new ArrayList<>(dimensions.values()), lines);
	}

	private static Dimension dimension(String name, String type, String value) {
		return switch (type) {
			case "choice" -> choice(name, value);
			case "uniform" -> {
				double[] bounds = numbers(type, value, 2, "low,high");
				yield new Dimension.Uniform(name, bounds[0], bounds[1]);
			}
			case "quniform" -> {
				double[] bounds = numbers(type, value, 3, "low,high,q");
				yield new Dimension.QUniform(name, bounds[0], bounds[1], bounds[2]);
			}
			case "loguniform" -> {
				double[] bounds = numbers(type, value, 2, "low,high (natural logarithms)");
				yield new Dimension.LogUniform(name, bounds[0], bounds[1]);
			}
			default -> throw new IllegalArgumentException("Illegal param type [" + type
					+ "] (types: choice, uniform, quniform, loguniform; separate the parts by single spaces)");
		};
	}

	private static Dimension choice(String name, String value) {
		Object parsed;
		try {
			parsed = PythonLiteral.parse(value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("choice for " + name + " is not a Python list: " + ex.getMessage(), ex);
		}
		if (!(parsed instanceof List<?> list)) {
			throw new IllegalArgumentException("choice for " + name + " needs a list such as [1,2], got " + value);
		}
		return new Dimension.Choice(name, new ArrayList<>(list));
	}

	private static double[] numbers(String type, String value, int count, String form) {
		String[] parts = value.strip().split(",", -1);
		if (parts.length != count) {
			throw new IllegalArgumentException(type + " needs " + form + ", got '" + value + "'");
		}
		double[] numbers = new double[count];
		for (int i = 0; i < count; i++) {
			numbers[i] = pythonFloat(parts[i], type, value);
		}
		return numbers;
	}

	private static double pythonFloat(String text, String type, String value) {
		String token = text.strip().replace("_", "").toLowerCase(Locale.ROOT);
		switch (token) {
			case "inf", "+inf", "infinity", "+infinity":
				return Double.POSITIVE_INFINITY;
			case "-inf", "-infinity":
				return Double.NEGATIVE_INFINITY;
			default:
				break;
		}
		if (!token.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)(e[-+]?\\d+)?")) {
			throw new IllegalArgumentException(type + " bound '" + text + "' is not a number in '" + value + "'");
		}
		return Double.parseDouble(token);
	}

}
