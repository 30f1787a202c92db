package io.seqrec.trainer.run;

/**
 * A run was requested while another one is running (answered 409 with the running run's
 * id).
 */
public class RunInProgressException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String runningId;

	RunInProgressException(String runningId) {
		super("training run " + runningId + " is still running; one run at a time");
		this.runningId = runningId;
	}

	/**
	 * The id of the run in progress.
	 * @return the id
	 */
	public String runningId() {
		return this.runningId;
	}

}
