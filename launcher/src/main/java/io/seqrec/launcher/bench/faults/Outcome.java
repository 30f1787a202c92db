package io.seqrec.launcher.bench.faults;

import org.jspecify.annotations.Nullable;

/**
 * What one scenario found: a row of the summary table and its part of the totals.
 *
 * @param scenario the scenario's name
 * @param load what was sent
 * @param faults what was injected
 * @param lost events produced (or records sent) that were not stored (or dead-lettered)
 * @param duplicated events stored or counted more than once
 * @param orderErrors users whose stored order differs from the expected one
 * @param failed requests that got no 2xx (swaps) or no answer at all (fuzzing)
 * @param serverErrors responses with a 5xx status
 * @param unauthenticated2xx requests without a valid key answered with a 2xx
 * @param recovery how long the system took to be back to normal, in words
 * @param skipped why the scenario did not run, or null if it ran
 */
record Outcome(String scenario, String load, String faults, long lost, long duplicated, long orderErrors, long failed,
		long serverErrors, long unauthenticated2xx, String recovery, @Nullable String skipped) {

	static Outcome skipped(String scenario, String why) {
		return new Outcome(scenario, "-", "-", 0, 0, 0, 0, 0, 0, "-", why);
	}

	boolean ran() {
		return this.skipped == null;
	}

}
