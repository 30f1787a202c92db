package io.seqrec.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link TorchAdam} follows {@code torch.optim.Adam} step by step, also for gradients
 * about as small as epsilon, where DJL's Adam moves much less.
 */
class TorchAdamTests {

	private static final float LR = 0.001f;

	private static final float[] START = { 0.5f, -0.2f, 0.1f };

	/** Gradients of three steps for three weights: tiny, ordinary and mixed. */
	private static final float[][] GRADIENTS = { { 1e-7f, 0.02f, -3e-8f }, { 2e-7f, -0.01f, 5e-8f },
			{ 1e-7f, 0.015f, 4e-8f } };

	/**
	 * The weights after each step, printed by PyTorch 2.7 ({@code /usr/bin/python3}):
	 * <pre>
	 * w = torch.nn.Parameter(torch.tensor([0.5, -0.2, 0.1]))
	 * opt = torch.optim.Adam([w], lr=0.001, weight_decay=WD)
	 * for g in GRADIENTS: w.grad = torch.tensor(g); opt.step(); print(w.tolist())
	 * </pre>
	 */
	private static final double[][] TORCH = { { 0.49909091, -0.201000005, 0.100749999 },
			{ 0.498183131, -0.201266348, 0.100513734 }, { 0.497303396, -0.201793373, 0.100073062 } };

	/** As {@link #TORCH} with {@code weight_decay=0.1}. */
	private static final double[][] TORCH_DECAY = { { 0.499000013, -0.199905545, 0.0989999995 },
			{ 0.498000056, -0.19916141, 0.0980002731 }, { 0.497000188, -0.198490381, 0.0970010087 } };

	@Test
	void stepsAsTorchOptimAdam() {
		try (TorchAdam adam = TorchAdam.builder(Tracker.fixed(LR)).build()) {
			assertStepsMatch(adam, TORCH);
		}
	}

	@Test
	void weightDecayIsTorchsL2Term() {
		try (TorchAdam adam = TorchAdam.builder(Tracker.fixed(LR)).optWeightDecays(0.1f).build()) {
			assertStepsMatch(adam, TORCH_DECAY);
		}
	}

	@Test
	void djlsAdamMovesTinyGradientsLess() {
		Optimizer djl = Optimizer.adam().optLearningRateTracker(Tracker.fixed(LR)).build();
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray weight = manager.create(START);
			for (float[] gradient : GRADIENTS) {
				djl.update("w", weight, manager.create(gradient));
			}
			float[] moved = weight.toFloatArray();
			// PyTorch moves the first weight (gradients of 1e-7) by 2.7 lr in three
			// steps,
			// DJL by well under 2 lr; ordinary gradients move alike
			assertThat(START[0] - TORCH[2][0]).isGreaterThan(2.5 * LR);
			assertThat((double) START[0] - moved[0]).isLessThan(2.0 * LR);
			assertThat((double) moved[1]).isCloseTo(TORCH[2][1], within(1e-6));
		}
	}

	@Test
	void closingReleasesTheMomentEstimates() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray weight = manager.create(START);
			TorchAdam adam = TorchAdam.builder(Tracker.fixed(LR)).build();
			for (float[] gradient : GRADIENTS) {
				try (NDManager step = manager.newSubManager()) {
					adam.update("w", weight, step.create(gradient));
				}
			}
			// the weight and its two moment estimates, created once
			assertThat(manager.getManagedArrays()).hasSize(3);
			adam.close();
			assertThat(manager.getManagedArrays()).containsExactly(weight);
			assertThatIllegalStateException().isThrownBy(() -> adam.update("w", weight, weight.zerosLike()));
		}
	}

	private static void assertStepsMatch(TorchAdam adam, double[][] expected) {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray weight = manager.create(START);
			for (int t = 0; t < GRADIENTS.length; t++) {
				adam.update("w", weight, manager.create(GRADIENTS[t]));
				float[] actual = weight.toFloatArray();
				for (int i = 0; i < actual.length; i++) {
					assertThat((double) actual[i]).as("step %d weight %d", t + 1, i)
						.isCloseTo(expected[t][i], within(2e-7));
				}
			}
		}
	}

}
