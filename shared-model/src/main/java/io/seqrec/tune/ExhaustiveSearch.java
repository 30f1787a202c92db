package io.seqrec.tune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * RecBole's {@code exhaustive} algorithm: every trial draws a point of the {@code choice}
 * grid at random, never one drawn before (uniformly among those left), so
 * {@link SearchSpace#gridSize()} trials cover the grid in random order, not in grid
 * order. Other dimensions are drawn afresh for every trial. The draws without repetition
 * are a lazy Fisher-Yates shuffle of the grid's cell numbers: memory grows with the
 * trials run, not with the grid.
 */
final class ExhaustiveSearch implements SearchAlgorithm {

	private final SearchSpace space;

	private final SplittableRandom cells;

	private final Map<Long, Long> swapped = new HashMap<>();

	private long drawn;

	ExhaustiveSearch(SearchSpace space, long seed) {
		this.space = space;
		this.cells = new SplittableRandom(seed);
	}

	@Override
	public synchronized double[] propose(int trial, List<Observation> history, RandomGenerator random) {
		long size = this.space.gridSize();
		if (this.drawn >= size) {
			throw new IllegalStateException("the grid of " + size + " points is exhausted");
		}
		long j = this.drawn + this.cells.nextLong(size - this.drawn);
		long cell = this.swapped.getOrDefault(j, j);
		this.swapped.put(j, this.swapped.getOrDefault(this.drawn, this.drawn));
		this.swapped.remove(this.drawn);
		this.drawn++;
		double[] point = this.space.sample(random);
		List<Dimension> dimensions = this.space.dimensions();
		for (int d = 0; d < point.length; d++) {
			if (dimensions.get(d) instanceof Dimension.Choice choice) {
				int n = choice.values().size();
				point[d] = cell % n;
				cell /= n;
			}
		}
		return point;
	}

}
