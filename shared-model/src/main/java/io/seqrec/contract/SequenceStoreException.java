package io.seqrec.contract;

/**
 * The sequence store could not be read.
 */
public class SequenceStoreException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the underlying failure
	 */
	public SequenceStoreException(String message, Throwable cause) {
		super(message, cause);
	}

}
