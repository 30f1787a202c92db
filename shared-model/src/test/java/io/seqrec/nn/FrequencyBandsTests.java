package io.seqrec.nn;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.seqrec.nn.FrequencyBands.Band;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The frequency ramp of RecBole's FEARec: every example of the model specification
 * (section 5.3, L = 50, 26 bins).
 */
class FrequencyBandsTests {

	private static List<Band> ramp(double globalRatio, int layers) {
		return FrequencyBands.ramp(50, layers, globalRatio).bands();
	}

	@Test
	void theFullRatioKeepsEveryBinInEveryLayer() {
		assertThat(FrequencyBands.ramp(50, 2, 1).bins()).isEqualTo(26);
		assertThat(ramp(1, 2)).containsExactly(new Band(0, 26), new Band(0, 26));
	}

	@Test
	void aGlobalRatioAboveOneOverNSlidesAWindowOfThatShareTowardsLowFrequencies() {
		assertThat(ramp(0.6, 2)).containsExactly(new Band(10, 26), new Band(0, 16));
		assertThat(ramp(0.6, 3)).containsExactly(new Band(10, 26), new Band(5, 21), new Band(0, 16));
		assertThat(ramp(0.5, 4)).containsExactly(new Band(13, 26), new Band(9, 22), new Band(5, 18), new Band(1, 14));
	}

	@Test
	void aGlobalRatioUpToOneOverNCutsTheBinsIntoNLocalBands() {
		// strict '>': 0.5 with two layers and 1/3 with three are local
		for (double ratio : new double[] { 0.5, 0.3, 0.1 }) {
			assertThat(ramp(ratio, 2)).as("global_ratio %s", ratio).containsExactly(new Band(13, 26), new Band(0, 13));
		}
		assertThat(ramp(1.0 / 3, 3)).containsExactly(new Band(17, 26), new Band(8, 17), new Band(0, 8));
	}

	@Test
	void oneLayerIsRejectedAsRecBoleCannotBuildIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> FrequencyBands.ramp(50, 1, 1))
			.withMessageContaining("n_layers >= 2, got 1")
			.withMessageContaining("ZeroDivisionError");
	}

	@Test
	void floatFloorDivisionIsPythons() {
		// values of Python 3: 10.4 // 1, 10.4 // 2, 13.0 // 3, -7.5 // 2, 7.5 // -2, 0.0
		// // 3
		assertThat(FrequencyBands.pythonFloorDivide(10.4, 1)).isEqualTo(10.0);
		assertThat(FrequencyBands.pythonFloorDivide(10.4, 2)).isEqualTo(5.0);
		assertThat(FrequencyBands.pythonFloorDivide(13.0, 3)).isEqualTo(4.0);
		assertThat(FrequencyBands.pythonFloorDivide(-7.5, 2)).isEqualTo(-4.0);
		assertThat(FrequencyBands.pythonFloorDivide(7.5, -2)).isEqualTo(-4.0);
		assertThat(FrequencyBands.pythonFloorDivide(0.0, 3)).isEqualTo(0.0);
	}

	@Test
	void aBandIsAMaskOverTheBins() {
		try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
			assertThat(new Band(2, 5).mask(manager, 6).toFloatArray()).containsExactly(0, 0, 1, 1, 1, 0);
			assertThat(new Band(0, 6).keepsAll(6)).isTrue();
			assertThat(new Band(2, 6).keepsAll(6)).isFalse();
			assertThat(new Band(3, 3).isEmpty(6)).isTrue();
		}
	}

}
