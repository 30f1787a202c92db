package io.seqrec.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IntervalTests {

	@Test
	void closedAndOpenBounds() {
		Interval closed = Interval.parse("[1,3]");
		assertThat(closed.contains(1)).isTrue();
		assertThat(closed.contains(3)).isTrue();
		assertThat(closed.contains(3.0001)).isFalse();
		Interval open = Interval.parse("(1,3)");
		assertThat(open.contains(1)).isFalse();
		assertThat(open.contains(2)).isTrue();
		assertThat(open.contains(3)).isFalse();
	}

	@Test
	void infiniteBoundsAndSpaces() {
		Interval interval = Interval.parse(" [ 5 , inf) ");
		assertThat(interval.contains(5)).isTrue();
		assertThat(interval.contains(1e300)).isTrue();
		assertThat(interval.contains(4.9)).isFalse();
		assertThat(Interval.parse("(-inf,0]").contains(-1e300)).isTrue();
		assertThat(Interval.parse("(-inf,0]").contains(0.5)).isFalse();
	}

	@Test
	void semicolonMeansUnion() {
		Interval interval = Interval.parse("(0,1];[3,4)");
		assertThat(interval.contains(0)).isFalse();
		assertThat(interval.contains(1)).isTrue();
		assertThat(interval.contains(2)).isFalse();
		assertThat(interval.contains(3)).isTrue();
		assertThat(interval.contains(4)).isFalse();
		assertThat(interval).hasToString("(0,1];[3,4)");
	}

	@Test
	void malformedIntervalsAreQuoted() {
		for (String bad : new String[] { "[1,2", "1,2", "[1;2]", "[a,2]", "[1,2,3]", "", "[3,1]", "[1,2];" }) {
			assertThatExceptionOfType(DataException.class).as(bad)
				.isThrownBy(() -> Interval.parse("user_inter_num_interval", bad))
				.withMessageStartingWith("user_inter_num_interval '" + bad + "' is malformed");
		}
	}

}
