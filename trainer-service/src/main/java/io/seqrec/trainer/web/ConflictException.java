package io.seqrec.trainer.web;

/**
 * A request that conflicts with the current state (409).
 */
class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	ConflictException(String message) {
		super(message);
	}

}
