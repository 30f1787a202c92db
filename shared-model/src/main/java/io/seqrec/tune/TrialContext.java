package io.seqrec.tune;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a trial knows of its search while it runs.
 */
public interface TrialContext {

	/**
	 * The trial's number.
	 * @return 1-based, in proposal order
	 */
	int number();

	/**
	 * The trial's settings.
	 * @return values by name, alphabetically
	 */
	Map<String, @Nullable Object> params();

	/**
	 * Reports a validation to the scheduler, which may wait for earlier trials to reach
	 * the same rung.
	 * @param epochs epochs trained so far
	 * @param bestScore the best validation score so far
	 * @return true if the scheduler stops the trial here
	 */
	boolean reportValidation(int epochs, double bestScore);

	/**
	 * Whether the search no longer needs this trial (it ended early before the trial's
	 * turn); the trial should stop as soon as it can, its result is discarded.
	 * @return true once cancelled
	 */
	boolean cancelled();

}
