package io.seqrec.tune;

import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Proposes the point of each trial. Proposals are asked in trial order, one at a time.
 */
public interface SearchAlgorithm {

	/**
	 * Proposes the point of a trial.
	 * @param trial the 0-based trial index
	 * @param history every earlier trial, in order
	 * @param random a generator seeded for this trial
	 * @return one coordinate per dimension of the space
	 */
	double[] propose(int trial, List<Observation> history, RandomGenerator random);

	/**
	 * Whether proposals depend on the losses of earlier trials (then a parallel search
	 * proposes from the trials that ended, the others counted as running).
	 * @return true for model-based algorithms
	 */
	default boolean usesResults() {
		return false;
	}

	/**
	 * The algorithm of RecBole's {@code --algo} name.
	 * @param name {@code exhaustive}, {@code random} or {@code bayes}
	 * @param space the search space
	 * @param seed the search's seed
	 * @return the algorithm
	 * @throws IllegalArgumentException for another name
	 */
	static SearchAlgorithm named(String name, SearchSpace space, long seed) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "exhaustive" -> new ExhaustiveSearch(space, seed);
			case "random" -> (trial, history, random) -> space.sample(random);
			case "bayes" -> new TreeParzenEstimator(space);
			default -> throw new IllegalArgumentException(
					"Illegal algo [" + name + "]; valid choices: exhaustive, random, bayes");
		};
	}

}
