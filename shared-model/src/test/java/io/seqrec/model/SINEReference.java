package io.seqrec.model;

import java.util.Arrays;

/**
 * SINE's forward pass for one history in plain double arithmetic, written from MODELS.md
 * section 6 independently of the DJL implementation, with the order of the activated
 * prototypes as a choice: RecBole's ascending order, or the descending order a naive
 * top-k gives. Row-vector convention: {@code x w} is {@code sum_r x[r] w[r][c]}.
 */
final class SINEReference {

	double[][] items;

	double[][] prototypes;

	double[][] w1;

	double[] w2;

	double[][] w3;

	double[] w4;

	double[][][] wK1;

	double[][] wK2;

	double tau;

	/**
	 * The user vector of one history.
	 * @param history item ids, padding included
	 * @param ascending whether slot {@code k-1} holds the best prototype (RecBole)
	 * @param k interests
	 * @return {@code v}
	 */
	double[] userVector(int[] history, boolean ascending, int k) {
		int n = history.length;
		double[][] x = new double[n][];
		for (int t = 0; t < n; t++) {
			x[t] = this.items[history[t]];
		}
		double[][] interests = activatedPrototypes(x, ascending, k);
		double[][] cNorm = new double[k][];
		for (int j = 0; j < k; j++) {
			cNorm[j] = layerNorm(interests[j]);
		}
		double[][] assignment = new double[n][k];
		double[][] xBar = new double[n][];
		double[] betaLogits = new double[n];
		for (int t = 0; t < n; t++) {
			double[] xn = normalize(times(x[t], this.w3));
			for (int j = 0; j < k; j++) {
				assignment[t][j] = dot(xn, cNorm[j]);
			}
			assignment[t] = softmax(assignment[t]);
			xBar[t] = weightedSum(assignment[t], interests);
			betaLogits[t] = dot(tanh(times(xBar[t], this.w3)), this.w4);
		}
		double[] target = layerNorm(weightedSum(softmax(betaLogits), xBar));
		double[][] delta = new double[k][];
		double[] e = new double[k];
		for (int j = 0; j < k; j++) {
			double[] attention = new double[n];
			for (int t = 0; t < n; t++) {
				attention[t] = dot(tanh(times(x[t], this.wK1[j])), this.wK2[j]);
			}
			attention = softmax(attention);
			double[] m = new double[n];
			for (int t = 0; t < n; t++) {
				m[t] = assignment[t][j] * attention[t];
			}
			delta[j] = normalize(weightedSum(m, x));
			e[j] = dot(delta[j], target) / this.tau;
		}
		return weightedSum(softmax(e), delta);
	}

	/**
	 * The top-k prototypes by {@code C z}, each times the sigmoid of its score.
	 * @param x the history's embeddings
	 * @param ascending slot order
	 * @param k interests
	 * @return {@code [k][D]}
	 */
	double[][] activatedPrototypes(double[][] x, boolean ascending, int k) {
		double[] logits = new double[x.length];
		for (int t = 0; t < x.length; t++) {
			logits[t] = dot(tanh(times(x[t], this.w1)), this.w2);
		}
		double[] z = weightedSum(softmax(logits), x);
		int p = this.prototypes.length;
		Integer[] order = new Integer[p];
		double[] s = new double[p];
		for (int i = 0; i < p; i++) {
			order[i] = i;
			s[i] = dot(this.prototypes[i], z);
		}
		Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
		double[][] chosen = new double[k][];
		for (int j = 0; j < k; j++) {
			int best = order[ascending ? k - 1 - j : j];
			double gate = 1 / (1 + Math.exp(-s[best]));
			chosen[j] = new double[z.length];
			for (int d = 0; d < z.length; d++) {
				chosen[j][d] = this.prototypes[best][d] * gate;
			}
		}
		return chosen;
	}

	/** Half the sum of squared off-diagonal covariances of the centred prototypes. */
	double regulariser() {
		int p = this.prototypes.length;
		int d = this.prototypes[0].length;
		double[][] centred = new double[p][d];
		for (int i = 0; i < p; i++) {
			double mean = 0;
			for (double value : this.prototypes[i]) {
				mean += value / d;
			}
			for (int c = 0; c < d; c++) {
				centred[i][c] = this.prototypes[i][c] - mean;
			}
		}
		double sum = 0;
		for (int i = 0; i < p; i++) {
			for (int j = 0; j < p; j++) {
				double g = dot(centred[i], centred[j]) / d;
				sum += (i != j) ? g * g : 0;
			}
		}
		return sum / 2;
	}

	private static double[] times(double[] x, double[][] w) {
		double[] y = new double[w[0].length];
		for (int r = 0; r < x.length; r++) {
			for (int c = 0; c < y.length; c++) {
				y[c] += x[r] * w[r][c];
			}
		}
		return y;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static double[] tanh(double[] x) {
		double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = Math.tanh(x[i]);
		}
		return y;
	}

	private static double[] softmax(double[] x) {
		double max = Arrays.stream(x).max().orElseThrow();
		double[] y = new double[x.length];
		double sum = 0;
		for (int i = 0; i < x.length; i++) {
			y[i] = Math.exp(x[i] - max);
			sum += y[i];
		}
		for (int i = 0; i < x.length; i++) {
			y[i] /= sum;
		}
		return y;
	}

	private static double[] normalize(double[] x) {
		double norm = Math.max(Math.sqrt(dot(x, x)), 1e-12);
		double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = x[i] / norm;
		}
		return y;
	}

	/** LayerNorm with weight 1, bias 0 and epsilon 1e-12. */
	private static double[] layerNorm(double[] x) {
		double mean = Arrays.stream(x).average().orElseThrow();
		double variance = 0;
		for (double value : x) {
			variance += (value - mean) * (value - mean) / x.length;
		}
		double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = (x[i] - mean) / Math.sqrt(variance + 1e-12);
		}
		return y;
	}

	private static double[] weightedSum(double[] weights, double[][] rows) {
		double[] y = new double[rows[0].length];
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < y.length; c++) {
				y[c] += weights[r] * rows[r][c];
			}
		}
		return y;
	}

}
