package io.seqrec.ingest.store;

/**
 * Redis did not acknowledge a write. The batch is retried with back-off; its offsets are
 * not committed.
 */
public class RedisWriteException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what failed
	 * @param cause the underlying failure
	 */
	public RedisWriteException(String message, Throwable cause) {
		super(message, cause);
	}

}
