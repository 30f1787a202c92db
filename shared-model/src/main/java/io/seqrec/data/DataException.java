package io.seqrec.data;

/**
 * A problem with the user's data or data settings (missing file, malformed header or row,
 * an empty result after filtering, ...). The message is one line that says where and what
 * is wrong, so it can be shown to the user as is.
 */
public class DataException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a user-facing message.
	 * @param message where and what is wrong, on one line
	 */
	public DataException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a user-facing message and its cause.
	 * @param message where and what is wrong, on one line
	 * @param cause the underlying failure
	 */
	public DataException(String message, Throwable cause) {
		super(message, cause);
	}

}
