package io.seqrec.trainer.web;

/**
 * A resource that does not exist (404).
 */
class NotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	NotFoundException(String message) {
		super(message);
	}

}
