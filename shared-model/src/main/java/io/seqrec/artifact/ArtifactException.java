package io.seqrec.artifact;

/**
 * An artifact cannot be written, or is missing, corrupt or inconsistent.
 */
public class ArtifactException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the artifact
	 */
	public ArtifactException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param message what is wrong, naming the artifact
	 * @param cause the underlying failure
	 */
	public ArtifactException(String message, Throwable cause) {
		super(message, cause);
	}

}
