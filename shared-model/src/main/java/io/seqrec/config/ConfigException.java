package io.seqrec.config;

/**
 * A configuration the user must fix: an unknown key, a value of the wrong type, a choice
 * outside its list or a combination seqrec does not support. The message is one line that
 * names the key and, where there are any, the valid choices.
 */
public class ConfigException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a user-facing message.
	 * @param message one line naming the key and what is expected
	 */
	public ConfigException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a user-facing message and its cause.
	 * @param message one line naming the key and what is expected
	 * @param cause the underlying failure, such as an I/O or YAML error
	 */
	public ConfigException(String message, Throwable cause) {
		super(message, cause);
	}

}
