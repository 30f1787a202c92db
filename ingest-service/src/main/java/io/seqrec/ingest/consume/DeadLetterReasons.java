package io.seqrec.ingest.consume;

import org.springframework.kafka.support.serializer.DeserializationException;

import io.seqrec.contract.InvalidEventException;

/**
 * The plain reason of a dead-lettered record: the validation message, or the JSON
 * parser's complaint, without the listener's wrapping.
 */
final class DeadLetterReasons {

	private DeadLetterReasons() {
	}

	static String of(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidEventException) {
				return cause.getMessage();
			}
			if (cause instanceof DeserializationException) {
				Throwable parse = cause.getCause();
				while (parse != null && parse.getCause() != null && parse.getCause() != parse) {
					parse = parse.getCause();
				}
				String detail = (parse != null) ? parse.getMessage() : cause.getMessage();
				return "invalid JSON: " + detail.lines().findFirst().orElse(detail);
			}
		}
		return String.valueOf(ex.getMessage());
	}

}
