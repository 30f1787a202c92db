package io.seqrec.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * The settings a search varies, sorted by name as hyperopt sorts a dict space (so trial
 * parameters print in alphabetical order), with the {@code hyper.test} line of each.
 */
public final class SearchSpace {

	private final List<Dimension> dimensions;

	private final Map<String, Integer> lines;

	/**
	 * Creates a space.
	 * @param dimensions the dimensions, names unique
	 * @param lines the file line of each dimension, by name (may be empty)
	 */
	public SearchSpace(List<Dimension> dimensions, Map<String, Integer> lines) {
		List<Dimension> sorted = new ArrayList<>(dimensions);
		sorted.sort(Comparator.comparing(Dimension::name));
		for (int i = 1; i < sorted.size(); i++) {
			if (sorted.get(i).name().equals(sorted.get(i - 1).name())) {
				throw new IllegalArgumentException("setting '" + sorted.get(i).name() + "' is searched twice");
			}
		}
		this.dimensions = List.copyOf(sorted);
		this.lines = Map.copyOf(lines);
	}

	/**
	 * The dimensions, by name.
	 * @return the dimensions
	 */
	public List<Dimension> dimensions() {
		return this.dimensions;
	}

	/**
	 * The names of the searched settings, alphabetically.
	 * @return the names
	 */
	public List<String> names() {
		return this.dimensions.stream().map(Dimension::name).toList();
	}

	/**
	 * The params-file line a setting was read from.
	 * @param name a setting
	 * @return the line number, or 0 when unknown
	 */
	public int line(String name) {
		return this.lines.getOrDefault(name, 0);
	}

	/**
	 * The number of points of the grid of {@code choice} settings: RecBole's exhaustive
	 * {@code max_evals} (1 without any {@code choice}, as numpy's product of nothing).
	 * @return the product of the choice list sizes, saturated at {@link Long#MAX_VALUE}
	 */
	public long gridSize() {
		long size = 1;
		for (Dimension dimension : this.dimensions) {
			if (dimension instanceof Dimension.Choice choice) {
				int n = choice.values().size();
				size = (size > Long.MAX_VALUE / n) ? Long.MAX_VALUE : size * n;
			}
		}
		return size;
	}

	/**
	 * Draws a point from the prior.
	 * @param random the generator
	 * @return one coordinate per dimension
	 */
	public double[] sample(RandomGenerator random) {
		double[] point = new double[this.dimensions.size()];
		for (int d = 0; d < point.length; d++) {
			point[d] = this.dimensions.get(d).sample(random);
		}
		return point;
	}

	/**
	 * The settings of a point, by name in alphabetical order.
	 * @param point one coordinate per dimension
	 * @return the values
	 */
	public Map<String, @Nullable Object> values(double[] point) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		for (int d = 0; d < point.length; d++) {
			Dimension dimension = this.dimensions.get(d);
			values.put(dimension.name(), dimension.value(point[d]));
		}
		return values;
	}

}
