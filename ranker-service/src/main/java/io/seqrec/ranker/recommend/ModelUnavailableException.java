package io.seqrec.ranker.recommend;

/**
 * No model is loaded yet and no fallback without a model is configured.
 */
public class ModelUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what is missing
	 */
	public ModelUnavailableException(String message) {
		super(message);
	}

}
