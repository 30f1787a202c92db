package io.seqrec.tune;

/**
 * What a trial runs: RecBole's {@code objective_function}.
 */
@FunctionalInterface
public interface TrialObjective {

	/**
	 * Runs one trial, on the thread the search gives it.
	 * @param context the trial's number, settings and scheduler
	 * @return the result; exceptions make the trial fail
	 */
	TrialResult run(TrialContext context);

	/**
	 * Prepares the process for trials that run at the same time, before the first trial.
	 * @param parallel the number of trials at once
	 * @return what to close after the last trial
	 */
	default AutoCloseable prepare(int parallel) {
		return () -> {
		};
	}

}
