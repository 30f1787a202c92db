package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.seqrec.nn.ContrastiveLosses.Similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * InfoNCE and the spectral distance against hand computations.
 */
class ContrastiveLossesTests {

	private NDManager manager;

	@BeforeEach
	void setUp() {
		this.manager = NDManager.newBaseManager();
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	/**
	 * RecBole's logits per row: the positive first, then every other column except the
	 * row itself, cross-entropy with label 0, mean over rows.
	 */
	private static double recBoleInfoNce(double[][] similarities) {
		int n = similarities.length;
		double total = 0;
		for (int r = 0; r < n; r++) {
			int positive = (r < n / 2) ? r + n / 2 : r - n / 2;
			double sum = 0;
			for (int c = 0; c < n; c++) {
				if (c != r) {
					sum += Math.exp(similarities[r][c]);
				}
			}
			total += Math.log(sum) - similarities[r][positive];
		}
		return total / n;
	}

	@Test
	void dotInfoNceMatchesAHandComputation() {
		NDArray zi = this.manager.create(new float[][] { { 1, 0 }, { 0, 2 } });
		NDArray zj = this.manager.create(new float[][] { { 1, 1 }, { 0, 1 } });
		// Z = [(1,0), (0,2), (1,1), (0,1)], S = Z Z^T / 0.5
		double[][] s = { { 2, 0, 2, 0 }, { 0, 8, 4, 4 }, { 2, 4, 4, 2 }, { 0, 4, 2, 2 } };
		// rows: log(2 + e^2) - 2, log(1 + 2e^4) - 4, log(2e^2 + e^4) - 2, log(1 + e^4 +
		// e^2) - 4
		double byHand = (Math.log(2 + Math.exp(2)) - 2 + Math.log(1 + 2 * Math.exp(4)) - 4
				+ Math.log(2 * Math.exp(2) + Math.exp(4)) - 2 + Math.log(1 + Math.exp(4) + Math.exp(2)) - 4) / 4;
		assertThat(recBoleInfoNce(s)).isCloseTo(byHand, within(1e-12));
		assertThat(ContrastiveLosses.infoNce(zi, zj, 0.5f, Similarity.DOT).getFloat()).isCloseTo((float) byHand,
				within(1e-5f));
	}

	@Test
	void cosineInfoNceMatchesAHandComputation() {
		NDArray zi = this.manager.create(new float[][] { { 3, 0 }, { 0, 2 } });
		NDArray zj = this.manager.create(new float[][] { { 1, 1 }, { 0, 5 } });
		double h = Math.sqrt(0.5);
		// unit rows (1,0), (0,1), (h,h), (0,1); cosines over tau 0.5
		double[][] s = { { 2, 0, 2 * h, 0 }, { 0, 2, 2 * h, 2 }, { 2 * h, 2 * h, 2, 2 * h }, { 0, 2, 2 * h, 2 } };
		assertThat(ContrastiveLosses.infoNce(zi, zj, 0.5f, Similarity.COS).getFloat())
			.isCloseTo((float) recBoleInfoNce(s), within(1e-5f));
	}

	@Test
	void spectralDistanceIsTheMeanOrthonormalModulusOfTheDifference() {
		NDArray x = this.manager.create(new float[][] { { 1, 2, 0, -1 }, { 0, 0, 3, 1 } });
		NDArray y = this.manager.create(new float[][] { { 0, 1, 1, 1 }, { 1, 0, 0, 0 } });
		float[] d = x.sub(y).toFloatArray();
		double total = 0;
		for (int b = 0; b < 2; b++) {
			for (int f = 0; f < 3; f++) {
				double re = 0;
				double im = 0;
				for (int t = 0; t < 4; t++) {
					re += d[b * 4 + t] * Math.cos(2 * Math.PI * f * t / 4);
					im -= d[b * 4 + t] * Math.sin(2 * Math.PI * f * t / 4);
				}
				total += Math.hypot(re, im) / 2; // ortho: 1 / sqrt(4)
			}
		}
		assertThat(ContrastiveLosses.spectralDistance(x, y).getFloat()).isCloseTo((float) (total / 6), within(1e-5f));
		assertThat(ContrastiveLosses.spectralDistance(x, x).getFloat()).isZero();
	}

	@Test
	void similarityNamesAreRecBoles() {
		assertThat(Similarity.parse("DOT")).isEqualTo(Similarity.DOT);
		assertThat(Similarity.parse("cos")).isEqualTo(Similarity.COS);
		assertThatIllegalArgumentException().isThrownBy(() -> Similarity.parse("l2"))
			.withMessage("sim 'l2' is not supported; valid choices: dot, cos");
	}

}
