package io.seqrec.tune;

import java.util.Locale;

/**
 * How a trial ended.
 */
public enum TrialStatus {

	/** Trained to its epoch budget or to RecBole's early stopping. */
	FINISHED,

	/** Stopped by the scheduler; its results are those of its best epoch so far. */
	STOPPED,

	/** Failed (an invalid combination of settings, a NaN loss...); it has no results. */
	FAILED;

	/**
	 * The lower-case name used in files.
	 * @return {@code finished}, {@code stopped} or {@code failed}
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

}
