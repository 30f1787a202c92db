package io.seqrec.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The Tree-structured Parzen Estimator (Bergstra et al., NeurIPS 2011) with hyperopt's
 * defaults: RecBole's {@code bayes} algorithm.
 *
 * <p>
 * The first {@value #STARTUP_TRIALS} trials are drawn from the prior. After them, the
 * earlier trials are split by loss: the best {@code min(ceil(0.25 sqrt(n)), 25)} are
 * "good", the rest (running and failed trials count as infinitely bad) "bad". Each
 * dimension is modelled on its own, as hyperopt does: a density {@code l} of the good
 * trials' coordinates and {@code g} of the bad ones' (an adaptive Parzen mixture for
 * numeric dimensions, {@link ParzenMixture}; for {@code choice}, category frequencies
 * plus one pseudo-count each, older trials forgotten linearly beyond 25), then
 * {@value #CANDIDATES} candidates are drawn from {@code l} and the one with the largest
 * {@code log l - log g}, the expected-improvement criterion, is proposed. Every draw
 * comes from the generator the search passes in, seeded per trial, so a search is
 * reproducible.
 */
final class TreeParzenEstimator implements SearchAlgorithm {

	/** hyperopt's {@code n_startup_jobs}. */
	static final int STARTUP_TRIALS = 20;

	/** hyperopt's {@code n_EI_candidates}. */
	static final int CANDIDATES = 24;

	/** hyperopt's {@code gamma}. */
	static final double GAMMA = 0.25;

	/** hyperopt's linear forgetting horizon, also the cap on the good trials. */
	static final int FORGETTING = 25;

	private final SearchSpace space;

	TreeParzenEstimator(SearchSpace space) {
		this.space = space;
	}

	@Override
	public boolean usesResults() {
		return true;
	}

	@Override
	public double[] propose(int trial, List<Observation> history, RandomGenerator random) {
		if (history.size() < STARTUP_TRIALS) {
			return this.space.sample(random);
		}
		int n = history.size();
		Integer[] byLoss = new Integer[n];
		Arrays.setAll(byLoss, (i) -> i);
		Arrays.sort(byLoss, Comparator.comparingDouble((Integer i) -> loss(history.get(i))));
		int good = Math.min((int) Math.ceil(GAMMA * Math.sqrt(n)), FORGETTING);
		boolean[] isGood = new boolean[n];
		for (int r = 0; r < good; r++) {
			isGood[byLoss[r]] = true;
		}
		List<Dimension> dimensions = this.space.dimensions();
		double[] point = new double[dimensions.size()];
		for (int d = 0; d < point.length; d++) {
			List<Double> below = new ArrayList<>();
			List<Double> above = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				(isGood[i] ? below : above).add(history.get(i).point()[d]);
			}
			point[d] = propose(dimensions.get(d), toArray(below), toArray(above), random);
		}
		return point;
	}

	private static double loss(Observation observation) {
		Double loss = observation.loss();
		return (loss == null || loss.isNaN()) ? Double.POSITIVE_INFINITY : loss;
	}

	private static double propose(Dimension dimension, double[] below, double[] above, RandomGenerator random) {
		if (dimension instanceof Dimension.Choice choice) {
			return proposeChoice(choice.values().size(), below, above, random);
		}
		if (dimension instanceof Dimension.Uniform uniform) {
			return proposeNumeric(uniform.low(), uniform.high(), 0, true, below, above, random);
		}
		if (dimension instanceof Dimension.QUniform quniform) {
			return proposeNumeric(quniform.low(), quniform.high(), quniform.q(), true, below, above, random);
		}
		Dimension.LogUniform log = (Dimension.LogUniform) dimension;
		return proposeNumeric(log.low(), log.high(), 0, false, below, above, random);
	}

	private static double proposeNumeric(double low, double high, double q, boolean normalized, double[] below,
			double[] above, RandomGenerator random) {
		if (!(high > low)) {
			return low;
		}
		ParzenMixture l = ParzenMixture.fit(below, low, high, q, normalized);
		ParzenMixture g = ParzenMixture.fit(above, low, high, q, normalized);
		double best = Double.NaN;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < CANDIDATES; c++) {
			double candidate = l.sample(random);
			double score = l.logDensity(candidate) - g.logDensity(candidate);
			if (Double.isNaN(best) || score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	private static double proposeChoice(int size, double[] below, double[] above, RandomGenerator random) {
		double[] l = categorical(size, below);
		double[] g = categorical(size, above);
		int best = -1;
		double bestScore = Double.NEGATIVE_INFINITY;
		for (int c = 0; c < CANDIDATES; c++) {
			int candidate = pick(l, random);
			double score = Math.log(l[candidate]) - Math.log(g[candidate]);
			if (best < 0 || score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	/**
	 * Category probabilities: forgetting-weighted counts plus one pseudo-count each.
	 */
	private static double[] categorical(int size, double[] observations) {
		double[] weights = forgettingWeights(observations.length);
		double[] p = new double[size];
		Arrays.fill(p, 1.0);
		for (int i = 0; i < observations.length; i++) {
			p[(int) observations[i]] += weights[i];
		}
		double total = Arrays.stream(p).sum();
		for (int k = 0; k < size; k++) {
			p[k] /= total;
		}
		return p;
	}

	/**
	 * hyperopt's linear forgetting: with more than {@value #FORGETTING} observations, the
	 * older ones weigh from {@code 1/n} up to 1 linearly, the newest {@value #FORGETTING}
	 * weigh 1.
	 * @param n the number of observations, oldest first
	 * @return their weights
	 */
	static double[] forgettingWeights(int n) {
		double[] weights = new double[n];
		Arrays.fill(weights, 1.0);
		int ramp = n - FORGETTING;
		for (int i = 0; i < ramp; i++) {
			weights[i] = (ramp == 1) ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
		}
		return weights;
	}

	/**
	 * Draws an index with the given probabilities.
	 * @param weights probabilities summing to 1
	 * @param random the generator
	 * @return the index
	 */
	static int pick(double[] weights, RandomGenerator random) {
		double u = random.nextDouble();
		double cumulative = 0;
		for (int k = 0; k < weights.length - 1; k++) {
			cumulative += weights[k];
			if (u < cumulative) {
				return k;
			}
		}
		return weights.length - 1;
	}

	private static double[] toArray(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).toArray();
	}

}
