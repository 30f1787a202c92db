package io.seqrec.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The open-loop generator's timetable and latency accounting, on a virtual clock: a fake
 * server advances the clock by its service time, so nothing depends on the wall clock.
 */
class OpenLoopTests {

	private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

	@Test
	void timetableSpacesRequestsEvenlyFromTheStartWithoutDrift() {
		OpenLoop.Timetable timetable = new OpenLoop.Timetable(5, 1000);
		assertThat(timetable.at(0)).isEqualTo(5);
		assertThat(timetable.at(1)).isEqualTo(5 + MS);
		assertThat(timetable.at(1000)).isEqualTo(5 + 1000 * MS);
		OpenLoop.Timetable third = new OpenLoop.Timetable(0, 3);
		assertThat(third.at(1)).isEqualTo(333_333_333L);
		assertThat(third.at(3)).isEqualTo(1_000_000_000L);
		assertThat(third.at(3_000_000)).isEqualTo(1_000_000_000_000_000L);
		long previous = -1;
		for (long i = 0; i < 10_000; i++) {
			assertThat(third.at(i)).isGreaterThan(previous);
			previous = third.at(i);
		}
	}

	@Test
	void timetableRejectsARateThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoop.Timetable(0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new OpenLoop.Timetable(0, Double.NaN));
	}

	@Test
	void aServerFasterThanTheRateIsMeasuredAtItsServiceTime() throws Exception {
		VirtualClock clock = new VirtualClock();
		List<Long> sentAt = new ArrayList<>();
		OpenLoop loop = new OpenLoop(new OpenLoop.Timetable(0, 1000), 0, 1000 * MS, clock);
		Histogram latencies = loop.run((request) -> {
			sentAt.add(clock.now);
			clock.now += MS / 5;
			return true;
		}).histogram();
		assertThat(latencies.getTotalCount()).isEqualTo(1000);
		assertThat(latencies.getMinValue()).isEqualTo(200);
		assertThat(latencies.getMaxValue()).isEqualTo(200);
		// each request waits for its due time: the load is the timetable's, not the
		// server's
		assertThat(sentAt.get(0)).isZero();
		assertThat(sentAt.get(999)).isEqualTo(999 * MS);
	}

	@Test
	void aStallCountsInTheLatencyOfEveryRequestDueDuringIt() throws Exception {
		VirtualClock clock = new VirtualClock();
		OpenLoop loop = new OpenLoop(new OpenLoop.Timetable(0, 1000), 0, 1000 * MS, clock);
		// 0.2 ms per request, but request 100 (due at 100 ms) takes 100 ms
		Histogram latencies = loop.run((request) -> {
			clock.now += (request == 100) ? 100 * MS : MS / 5;
			return true;
		}).histogram();
		assertThat(latencies.getTotalCount()).isEqualTo(1000);
		// the histogram keeps 3 significant digits
		assertThat(latencies.valuesAreEquivalent(latencies.getMaxValue(), 100_000)).isTrue();
		// request k > 100 is sent at 200 + 0.2 (k - 101) ms and answered 0.2 ms later:
		// its
		// latency is 180 - 0.8 k ms, above 1 ms up to k = 223; a generator that timed
		// from
		// the send would have seen one slow request
		long slow = latencies.getTotalCount() - latencies.getCountBetweenValues(0, 1000);
		assertThat(slow).isEqualTo(124);
		assertThat(latencies.getValueAtPercentile(99)).isGreaterThanOrEqualTo(92_000);
		assertThat(latencies.getValueAtPercentile(50)).isEqualTo(200);
	}

	@Test
	void warmUpRequestsAreSentButNotRecorded() throws Exception {
		VirtualClock clock = new VirtualClock();
		List<Long> sent = new ArrayList<>();
		OpenLoop loop = new OpenLoop(new OpenLoop.Timetable(0, 1000), 400 * MS, 1000 * MS, clock);
		OpenLoop.Latencies recorded = loop.run((request) -> {
			sent.add(request);
			clock.now += MS / 5;
			return request % 2 == 0;
		});
		assertThat(sent).hasSize(1000);
		assertThat(recorded.histogram().getTotalCount()).isEqualTo(600);
		assertThat(recorded.errors()).hasValue(300);
	}

	private static final class VirtualClock implements OpenLoop.Clock {

		long now;

		@Override
		public long nanoTime() {
			return this.now;
		}

		@Override
		public void sleepUntil(long deadline) {
			this.now = Math.max(this.now, deadline);
		}

	}

}
