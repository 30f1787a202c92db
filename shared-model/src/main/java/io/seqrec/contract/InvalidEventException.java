package io.seqrec.contract;

/**
 * An event that cannot be ingested, with the reason. Not retryable: the record goes to
 * the dead-letter topic with this message in its headers.
 */
public class InvalidEventException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param reason what is wrong with the event
	 */
	public InvalidEventException(String reason) {
		super(reason);
	}

}
