package io.seqrec.ranker.web;

/**
 * A request that passed Bean Validation but breaks a configured limit (a 400).
 */
class InvalidRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	InvalidRequestException(String message) {
		super(message);
	}

}
