package io.seqrec.launcher.bench.faults;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether the corrupt version was contained is judged by when answers arrived: under load
 * a request due while the previous version served may be answered by the next one, which
 * is no failure of the swap.
 */
class ModelSwapsTests {

	private static final long S = 1_000_000_000L;

	// swap-01 announced at 10 s, swap-02 (corrupt) at 20 s, swap-03 at 30 s
	private static final long[] ANNOUNCED = { 0, 10 * S, 20 * S, 30 * S };

	private static final int CORRUPT = 2;

	private static FixedRateClient.Sample answer(double dueSeconds, double latencySeconds, String version) {
		return new FixedRateClient.Sample((long) (dueSeconds * S), (long) (latencySeconds * S), 200, version);
	}

	@Test
	void aRequestDueBeforeTheNextVersionButAnsweredByItIsNotCounted() {
		List<FixedRateClient.Sample> samples = List.of(answer(22, 0.01, "swap-01"), answer(28, 3, "swap-03"),
				answer(29.5, 0.2, "swap-01"));
		ModelSwaps.Containment containment = ModelSwaps.Containment.of(samples, ANNOUNCED, CORRUPT, S);
		assertThat(containment).isEqualTo(new ModelSwaps.Containment(0, 2, 0, 0));
		assertThat(containment.contained(1)).isTrue();
	}

	@Test
	void anAnswerOfAnOlderVersionStillFinishingIsNoBreach() {
		ModelSwaps.Containment containment = ModelSwaps.Containment
			.of(List.of(answer(18, 4, "swap-00"), answer(23, 0.1, "swap-01")), ANNOUNCED, CORRUPT, S);
		assertThat(containment).isEqualTo(new ModelSwaps.Containment(0, 1, 1, 0));
		assertThat(containment.contained(1)).isTrue();
	}

	@Test
	void theCorruptVersionServedOrAnAnswerWithoutAVersionIsABreach() {
		ModelSwaps.Containment served = ModelSwaps.Containment
			.of(List.of(answer(23, 0.1, "swap-01"), answer(24, 0.1, "swap-02")), ANNOUNCED, CORRUPT, S);
		assertThat(served.corruptServed()).isEqualTo(1);
		assertThat(served.contained(1)).isFalse();
		ModelSwaps.Containment fallback = ModelSwaps.Containment
			.of(List.of(answer(23, 0.1, "swap-01"), answer(24, 0.1, null)), ANNOUNCED, CORRUPT, S);
		assertThat(fallback.otherServed()).isEqualTo(1);
		assertThat(fallback.contained(1)).isFalse();
	}

	@Test
	void aCorruptVersionTheRankerNeverRefusedIsNotContained() {
		ModelSwaps.Containment containment = ModelSwaps.Containment.of(List.of(answer(23, 0.1, "swap-01")), ANNOUNCED,
				CORRUPT, S);
		assertThat(containment.contained(0)).isFalse();
	}

}
