package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DjlSmokeTests {

	@Test
	void enginesRunsOffline() {
		try (NDManager manager = NDManager.newBaseManager()) {
			NDArray a = manager.create(new float[] { 1, 2, 3 });
			assertThat(a.mul(2).sum().getFloat()).isEqualTo(12f);
		}
	}

}
