package io.seqrec.nn;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.seqrec.nn.FrequencyBands.Band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * FEARec's frequency branch against direct computations: libtorch's FFT normalisation
 * (RecBole's), the correlation against a direct circular cross-correlation (every bin)
 * and a direct inverse DFT (a band), and the delay aggregation against direct circular
 * shifts.
 */
class AutoCorrelationTests {

	private static final int B = 2;

	private static final int HEADS = 2;

	private static final int E = 3;

	private static final int L = 6;

	private NDManager manager;

	@BeforeEach
	void setUp() {
		this.manager = NDManager.newBaseManager();
	}

	@AfterEach
	void tearDown() {
		this.manager.close();
	}

	private static float[] random(int size, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		float[] values = new float[size];
		for (int i = 0; i < size; i++) {
			values[i] = (float) random.nextGaussian();
		}
		return values;
	}

	private NDArray channels(float[] values, int length) {
		return this.manager.create(values, new Shape(B, HEADS, E, length));
	}

	@Test
	void rfftIsUnscaledAndIrfftDividesByNAsInRecBole() {
		float[] x = { 1, 2, 3, 4, 5, 7 };
		NDArray spectrum = this.manager.create(x).rfft(6, 0); // (4) complex
		float[] parts = spectrum.real().toFloatArray(); // re, im per bin
		for (int f = 0; f < 4; f++) {
			double re = 0;
			double im = 0;
			for (int t = 0; t < 6; t++) {
				re += x[t] * Math.cos(2 * Math.PI * f * t / 6);
				im -= x[t] * Math.sin(2 * Math.PI * f * t / 6);
			}
			assertThat(parts[2 * f]).as("bin %d real", f).isCloseTo((float) re, within(1e-4f));
			assertThat(parts[2 * f + 1]).as("bin %d imaginary", f).isCloseTo((float) im, within(1e-4f));
		}
		assertThat(spectrum.irfft(6, 0).toFloatArray()).containsExactly(x, within(1e-5f));
		// RecBole's fredom term uses norm="ortho": the unscaled transform over sqrt(n)
		float[] ortho = Scalars.div(spectrum.abs(), (float) Math.sqrt(6)).toFloatArray();
		assertThat(ortho[0]).isCloseTo((float) (22 / Math.sqrt(6)), within(1e-5f));
	}

	@Test
	void everyBinGivesTheCircularCrossCorrelationAveragedOverHeadsAndChannels() {
		float[] q = random(B * HEADS * E * L, 1);
		float[] k = random(B * HEADS * E * L, 2);
		AutoCorrelation branch = new AutoCorrelation(new Band(0, L / 2 + 1), L / 2 + 1, 2);
		NDArray correlation = branch.correlation(channels(q, L).rfft(L, -1), channels(k, L).rfft(L, -1));
		assertThat(correlation.getShape().getShape()).containsExactly(B, L);
		float[] actual = correlation.toFloatArray();
		for (int b = 0; b < B; b++) {
			for (int tau = 0; tau < L; tau++) {
				double sum = 0;
				for (int c = 0; c < HEADS * E; c++) {
					int row = (b * HEADS * E + c) * L;
					for (int t = 0; t < L; t++) {
						sum += q[row + (t + tau) % L] * k[row + t];
					}
				}
				assertThat(actual[b * L + tau]).as("b %d delay %d", b, tau)
					.isCloseTo((float) (sum / (HEADS * E)), within(1e-4f));
			}
		}
	}

	@Test
	void aBandZeroesTheOtherBinsBeforeTheInverseTransform() {
		float[] q = random(B * HEADS * E * L, 3);
		float[] k = random(B * HEADS * E * L, 4);
		Band band = new Band(1, 3);
		NDArray qf = channels(q, L).rfft(L, -1);
		NDArray kf = channels(k, L).rfft(L, -1);
		float[] actual = new AutoCorrelation(band, 4, 2).correlation(qf, kf).toFloatArray();
		// direct: the mean cross-spectrum, inverse DFT over the band's bins only (bins 1,
		// 2
		// of 4 have conjugate twins in a length-6 signal)
		float[] spectrum = qf.mul(kf.conj()).reshape(B, HEADS * E, 4).mean(new int[] { 1 }).real().toFloatArray();
		for (int b = 0; b < B; b++) {
			for (int tau = 0; tau < L; tau++) {
				double sum = 0;
				for (int f = 1; f < 3; f++) {
					double re = spectrum[(b * 4 + f) * 2];
					double im = spectrum[(b * 4 + f) * 2 + 1];
					double angle = 2 * Math.PI * f * tau / L;
					sum += 2 * (re * Math.cos(angle) - im * Math.sin(angle));
				}
				assertThat(actual[b * L + tau]).isCloseTo((float) (sum / L), within(1e-4f));
			}
		}
	}

	@Test
	void anOddLengthCorrelatesOverLMinusOneDelaysAsLibtorchsDefaultInverse() {
		int odd = 7;
		NDArray q = channels(random(B * HEADS * E * odd, 5), odd);
		AutoCorrelation branch = new AutoCorrelation(new Band(0, 4), 4, 1);
		assertThat(branch.correlation(q.rfft(odd, -1), q.rfft(odd, -1)).getShape().getShape()).containsExactly(B,
				odd - 1);
		assertThat(AutoCorrelation.correlationLength(odd)).isEqualTo(6);
	}

	@Test
	void delaysAreIntOfFactorTimesTheNaturalLogOfL() {
		assertThat(AutoCorrelation.delays(1, 50)).isEqualTo(3);
		assertThat(AutoCorrelation.delays(1, 10)).isEqualTo(2);
		assertThat(AutoCorrelation.delays(3, 50)).isEqualTo(11);
		assertThat(AutoCorrelation.delays(5, 50)).isEqualTo(19);
		assertThat(AutoCorrelation.delays(1, 2)).isZero();
	}

	@Test
	void evaluationShiftsEachRowByItsOwnTopDelaysTrainingByTheBatchsTop() {
		float[] v = random(B * HEADS * E * L, 6);
		NDArray values = channels(v, L);
		// row 0 peaks at delays 2 then 5, row 1 at 4 then 1; the batch mean (0, 3, 7, 0,
		// 4, 1.5)
		// at 2 then 4
		NDArray correlation = this.manager.create(new float[][] { { 0, 0, 9, 0, 1, 3 }, { 0, 6, 5, 0, 7, 0 } });
		AutoCorrelation branch = new AutoCorrelation(new Band(0, 4), 4, 2);
		assertAggregated(branch.aggregate(values, correlation, false), v, new int[][] { { 2, 5 }, { 4, 1 } },
				new float[][] { { 9, 3 }, { 7, 6 } });
		assertAggregated(branch.aggregate(values, correlation, true), v, new int[][] { { 2, 4 }, { 2, 4 } },
				new float[][] { { 9, 1 }, { 5, 7 } });
	}

	private static void assertAggregated(NDArray aggregated, float[] v, int[][] delays, float[][] weights) {
		float[] actual = aggregated.toFloatArray();
		for (int b = 0; b < B; b++) {
			double norm = 0;
			for (float w : weights[b]) {
				norm += Math.exp(w);
			}
			for (int c = 0; c < HEADS * E; c++) {
				int row = (b * HEADS * E + c) * L;
				for (int t = 0; t < L; t++) {
					double expected = 0;
					for (int j = 0; j < delays[b].length; j++) {
						expected += Math.exp(weights[b][j]) / norm * v[row + (t + delays[b][j]) % L];
					}
					assertThat(actual[row + t]).as("b %d channel %d t %d", b, c, t)
						.isCloseTo((float) expected, within(1e-5f));
				}
			}
		}
	}

	@Test
	void shiftsAreCircularGathers() {
		NDArray values = this.manager.arange(0f, 4f).reshape(1, 1, 1, 4);
		NDArray shifted = AutoCorrelation.shiftAndMix(values, this.manager.create(new long[][] { { 3 } }),
				this.manager.create(new float[][] { { 1 } }));
		assertThat(shifted.toFloatArray()).containsExactly(3, 0, 1, 2);
	}

}
