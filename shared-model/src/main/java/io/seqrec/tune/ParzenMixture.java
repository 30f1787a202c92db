package io.seqrec.tune;

import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;

/**
 * hyperopt's adaptive Parzen estimator of one numeric dimension: a mixture of Gaussians,
 * one per observation plus one for the prior, truncated to the dimension's bounds.
 *
 * <p>
 * The prior component sits at the middle of the bounds with the bounds' width as its
 * spread and weight 1. Each observation's component has the larger of the gaps to its
 * sorted neighbours as its spread, clipped to {@code [width / min(100, n + 2), width]};
 * with more than 25 observations the older ones weigh less (hyperopt's linear
 * forgetting). Coordinates are the dimension's (natural logarithms for
 * {@code loguniform}); with a step {@code q} the density of a value is the mass of
 * {@code [value - q/2, value + q/2]}.
 */
final class ParzenMixture {

	private static final double EPS = 1e-12;

	private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

	private final double[] weights;

	private final double[] mus;

	private final double[] sigmas;

	private final double low;

	private final double high;

	private final double q;

	private final boolean normalized;

	private ParzenMixture(double[] weights, double[] mus, double[] sigmas, double low, double high, double q,
			boolean normalized) {
		this.weights = weights;
		this.mus = mus;
		this.sigmas = sigmas;
		this.low = low;
		this.high = high;
		this.q = q;
		this.normalized = normalized;
	}

	/**
	 * Fits the estimator to observations.
	 * @param observations coordinates of the observed trials, oldest first
	 * @param low the lower bound
	 * @param high the upper bound, above {@code low}
	 * @param q the step, or 0 for none
	 * @param normalized whether densities are divided by the mass inside the bounds
	 * (hyperopt does for {@code uniform} and {@code quniform}, not for
	 * {@code loguniform})
	 * @return the estimator
	 */
	static ParzenMixture fit(double[] observations, double low, double high, double q, boolean normalized) {
		double priorMu = 0.5 * (high + low);
		double priorSigma = high - low;
		int n = observations.length;
		Integer[] order = new Integer[n];
		Arrays.setAll(order, (i) -> i);
		Arrays.sort(order, Comparator.comparingDouble((Integer i) -> observations[i]));
		int priorPos = 0;
		while (priorPos < n && observations[order[priorPos]] < priorMu) {
			priorPos++;
		}
		double[] forgetting = TreeParzenEstimator.forgettingWeights(n);
		double[] mus = new double[n + 1];
		double[] weights = new double[n + 1];
		for (int s = 0, k = 0; s <= n; s++) {
			if (s == priorPos) {
				mus[s] = priorMu;
				weights[s] = 1.0;
			}
			else {
				mus[s] = observations[order[k]];
				weights[s] = forgetting[order[k]];
				k++;
			}
		}
		double[] sigmas = new double[n + 1];
		if (n == 1) {
			sigmas[1 - priorPos] = priorSigma * 0.5;
		}
		else if (n >= 2) {
			for (int s = 1; s < n; s++) {
				sigmas[s] = Math.max(mus[s] - mus[s - 1], mus[s + 1] - mus[s]);
			}
			sigmas[0] = mus[1] - mus[0];
			sigmas[n] = mus[n] - mus[n - 1];
		}
		double minSigma = priorSigma / Math.min(100.0, 1.0 + mus.length);
		for (int s = 0; s <= n; s++) {
			sigmas[s] = Math.min(Math.max(sigmas[s], minSigma), priorSigma);
		}
		sigmas[priorPos] = priorSigma;
		double total = Arrays.stream(weights).sum();
		for (int s = 0; s <= n; s++) {
			weights[s] /= total;
		}
		return new ParzenMixture(weights, mus, sigmas, low, high, q, normalized);
	}

	/**
	 * Draws from the truncated mixture: a component by weight, then a normal draw kept if
	 * it falls in {@code [low, high)}; rounded to the step if there is one.
	 * @param random the generator
	 * @return a coordinate
	 */
	double sample(RandomGenerator random) {
		while (true) {
			int k = TreeParzenEstimator.pick(this.weights, random);
			double draw = this.mus[k] + this.sigmas[k] * random.nextGaussian();
			if (this.low <= draw && draw < this.high) {
				return (this.q > 0) ? Math.rint(draw / this.q) * this.q : draw;
			}
		}
	}

	/**
	 * The log density (or, with a step, log mass) of a coordinate.
	 * @param x a coordinate
	 * @return the log-likelihood
	 */
	double logDensity(double x) {
		double density = 0;
		for (int k = 0; k < this.weights.length; k++) {
			if (this.q > 0) {
				double upper = Math.min(x + this.q / 2, this.high);
				double lower = Math.max(x - this.q / 2, this.low);
				density += this.weights[k] * (cdf(upper, k) - cdf(lower, k));
			}
			else {
				double sigma = Math.max(this.sigmas[k], EPS);
				double z = (x - this.mus[k]) / sigma;
				density += this.weights[k] * Math.exp(-0.5 * z * z) / (sigma * SQRT_2PI);
			}
		}
		double log = Math.log(density);
		if (this.normalized) {
			double accepted = 0;
			for (int k = 0; k < this.weights.length; k++) {
				accepted += this.weights[k] * (cdf(this.high, k) - cdf(this.low, k));
			}
			log -= Math.log(accepted);
		}
		return log;
	}

	private double cdf(double x, int k) {
		double z = (x - this.mus[k]) / Math.max(Math.sqrt(2) * this.sigmas[k], EPS);
		return 0.5 * erfc(-z);
	}

	/**
	 * The complementary error function (Chebyshev fit of Numerical Recipes, relative
	 * error below 1.2e-7 everywhere, so tail masses keep their precision).
	 * @param x the argument
	 * @return {@code erfc(x)}
	 */
	static double erfc(double x) {
		double z = Math.abs(x);
		double t = 1.0 / (1.0 + 0.5 * z);
		double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
				+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
		double value = t * Math.exp(poly);
		return (x >= 0) ? value : 2.0 - value;
	}

}
