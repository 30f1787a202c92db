package io.seqrec.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * One searched setting of a {@code hyper.test} file, as hyperopt defines its space.
 *
 * <p>
 * A point of the search space holds one coordinate per dimension: the index of the chosen
 * value for {@link Choice}, the value itself for {@link Uniform} and {@link QUniform},
 * and the natural logarithm of the value for {@link LogUniform}. Algorithms work on
 * coordinates; {@link #value} turns one into the setting a trial runs with.
 */
public sealed interface Dimension {

	/**
	 * The setting's name, a configuration key.
	 * @return the name
	 */
	String name();

	/**
	 * Draws a coordinate from the prior.
	 * @param random the generator
	 * @return the coordinate
	 */
	double sample(RandomGenerator random);

	/**
	 * The setting of a coordinate, as hyperopt hands it to the objective.
	 * @param coordinate a coordinate of this dimension
	 * @return the value
	 */
	@Nullable Object value(double coordinate);

	/**
	 * {@code choice}: one element of a Python list, uniformly. Strings such as
	 * {@code '[64,64]'} stay strings here; the configuration reads them as lists.
	 *
	 * @param name the setting
	 * @param values the choices, in file order
	 */
	record Choice(String name, List<@Nullable Object> values) implements Dimension {

		public Choice {
			if (values.isEmpty()) {
				throw new IllegalArgumentException("choice needs at least one value");
			}
			values = Collections.unmodifiableList(new ArrayList<>(values));
		}

		@Override
		public double sample(RandomGenerator random) {
			return random.nextInt(this.values.size());
		}

		@Override
		public @Nullable Object value(double coordinate) {
			return this.values.get((int) coordinate);
		}

	}

	/**
	 * {@code uniform low,high}: a float in {@code [low, high)}.
	 *
	 * @param name the setting
	 * @param low the lower bound
	 * @param high the upper bound
	 */
	record Uniform(String name, double low, double high) implements Dimension {

		public Uniform {
			checkBounds(low, high);
		}

		@Override
		public double sample(RandomGenerator random) {
			return this.low + (this.high - this.low) * random.nextDouble();
		}

		@Override
		public Object value(double coordinate) {
			return coordinate;
		}

	}

	/**
	 * {@code quniform low,high,q}: {@code round(uniform(low, high) / q) * q}, a float
	 * even when it is whole ({@code 64.0}); rounding is half to even, as numpy's.
	 *
	 * @param name the setting
	 * @param low the lower bound
	 * @param high the upper bound
	 * @param q the step
	 */
	record QUniform(String name, double low, double high, double q) implements Dimension {

		public QUniform {
			checkBounds(low, high);
			if (!(q > 0)) {
				throw new IllegalArgumentException("q must be positive, got " + q);
			}
		}

		@Override
		public double sample(RandomGenerator random) {
			return quantize(this.low + (this.high - this.low) * random.nextDouble());
		}

		/**
		 * Rounds a value to the grid of {@code q}.
		 * @param value the value
		 * @return {@code round(value / q) * q}
		 */
		public double quantize(double value) {
			return Math.rint(value / this.q) * this.q;
		}

		@Override
		public Object value(double coordinate) {
			return coordinate;
		}

	}

	/**
	 * {@code loguniform low,high}: {@code exp(uniform(low, high))}; the bounds are
	 * natural logarithms ({@code -8,0} spans {@code [3.35e-4, 1]}).
	 *
	 * @param name the setting
	 * @param low the lower bound of the logarithm
	 * @param high the upper bound of the logarithm
	 */
	record LogUniform(String name, double low, double high) implements Dimension {

		public LogUniform {
			checkBounds(low, high);
		}

		@Override
		public double sample(RandomGenerator random) {
			return this.low + (this.high - this.low) * random.nextDouble();
		}

		@Override
		public Object value(double coordinate) {
			return Math.exp(coordinate);
		}

	}

	private static void checkBounds(double low, double high) {
		if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
			throw new IllegalArgumentException("needs finite bounds with low <= high, got " + low + "," + high);
		}
	}

}
