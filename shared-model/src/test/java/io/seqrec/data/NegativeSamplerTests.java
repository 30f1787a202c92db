package io.seqrec.data;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class NegativeSamplerTests {

	@Test
	void uniformExcludingNeverReturnsTheTargetOrPaddingAndCoversTheRest() {
		NegativeSampler sampler = new NegativeSampler(11, new SplittableRandom(1));
		BitSet seen = new BitSet();
		for (int i = 0; i < 2000; i++) {
			int item = sampler.uniformExcluding(4);
			assertThat(item).isBetween(1, 10).isNotEqualTo(4);
			seen.set(item);
		}
		assertThat(seen.cardinality()).isEqualTo(9);
	}

	@Test
	void uniformNotInSkipsTheHistoryButNotItsPadding() {
		NegativeSampler sampler = new NegativeSampler(8, new SplittableRandom(2));
		int[] history = { 3, 5, 1, 0, 0 };
		BitSet seen = new BitSet();
		for (int i = 0; i < 2000; i++) {
			int item = sampler.uniformNotIn(history, 3);
			assertThat(item).isBetween(1, 7).isNotIn(3, 5, 1);
			seen.set(item);
		}
		assertThat(seen.stream().toArray()).containsExactly(2, 4, 6, 7);
	}

	@Test
	void isReproducibleForASeed() {
		NegativeSampler a = new NegativeSampler(100, new SplittableRandom(42));
		NegativeSampler b = new NegativeSampler(100, new SplittableRandom(42));
		for (int i = 0; i < 50; i++) {
			assertThat(a.uniformExcluding(7)).isEqualTo(b.uniformExcluding(7));
		}
	}

	@Test
	void everyItemExcludedIsAnError() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new NegativeSampler(2, new SplittableRandom(3)).uniformExcluding(1));
		assertThatIllegalStateException()
			.isThrownBy(() -> new NegativeSampler(4, new SplittableRandom(3)).uniformNotIn(new int[] { 2, 3, 1, 2 }, 4))
			.withMessageContaining("all 3 items");
		assertThat(new NegativeSampler(2, new SplittableRandom(3)).uniformExcluding(5)).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> new NegativeSampler(1, new SplittableRandom(3)));
	}

}
