package io.seqrec.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * The validation rules of an interaction event: {@code eventId}, {@code userId} and
 * {@code itemId} present, not blank, at most {@value #MAX_ID_LENGTH} characters, and
 * {@code userId} not starting with {@code '}'} (it is the Redis Cluster hash tag of the
 * user's keys); {@code timestamp} in epoch milliseconds or ISO-8601, not further in the
 * future than the allowed clock skew. Unknown {@code type} values are accepted.
 */
public final class InteractionEvents {

	/** Longest accepted id. */
	public static final int MAX_ID_LENGTH = 256;

	private InteractionEvents() {
	}

	/**
	 * Validates an event.
	 * @param event the event as received ({@code null} when the value was empty)
	 * @param clock the current time
	 * @param maxClockSkew how far in the future a timestamp may lie
	 * @return the validated event
	 * @throws InvalidEventException naming the first problem found
	 */
	public static ValidEvent validate(@Nullable InteractionEvent event, Clock clock, Duration maxClockSkew) {
		if (event == null) {
			throw new InvalidEventException("empty record value");
		}
		String eventId = id("eventId", event.eventId());
		String userId = id("userId", event.userId());
		if (userId.charAt(0) == '}') {
			// the key's hash tag {userId} would be empty: Redis Cluster would hash each
			// key of
			// the user whole, and the user's keys would land in different slots
			throw new InvalidEventException("userId may not start with '}'");
		}
		String itemId = id("itemId", event.itemId());
		long millis = epochMillis(event.timestamp());
		long latest = clock.millis() + maxClockSkew.toMillis();
		if (millis > latest) {
			throw new InvalidEventException(
					"timestamp " + Instant.ofEpochMilli(millis) + " is more than " + maxClockSkew + " in the future");
		}
		return new ValidEvent(eventId, userId, itemId, millis, event.type(), event.value());
	}

	private static String id(String field, @Nullable String value) {
		if (value == null) {
			throw new InvalidEventException(field + " is missing");
		}
		if (value.isBlank()) {
			throw new InvalidEventException(field + " is blank");
		}
		if (value.length() > MAX_ID_LENGTH) {
			throw new InvalidEventException(
					field + " is " + value.length() + " characters long; the limit is " + MAX_ID_LENGTH);
		}
		return value;
	}

	/**
	 * Parses an event time.
	 * @param timestamp epoch milliseconds (digits, optionally signed) or an ISO-8601
	 * instant or offset date-time
	 * @return epoch milliseconds
	 * @throws InvalidEventException if it is missing or neither form
	 */
	public static long epochMillis(@Nullable String timestamp) {
		if (timestamp == null || timestamp.isBlank()) {
			throw new InvalidEventException("timestamp is missing");
		}
		String text = timestamp.trim();
		if (isInteger(text)) {
			try {
				return Long.parseLong(text);
			}
			catch (NumberFormatException ex) {
				throw new InvalidEventException("timestamp '" + text + "' is out of range");
			}
		}
		try {
			return Instant.parse(text).toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			try {
				return OffsetDateTime.parse(text).toInstant().toEpochMilli();
			}
			catch (DateTimeParseException ex2) {
				throw new InvalidEventException(
						"timestamp '" + text + "' is neither epoch milliseconds nor ISO-8601 (2026-11-22T10:15:30Z)");
			}
		}
	}

	private static boolean isInteger(String text) {
		// an optional leading minus, then digits only (the common case: no stream, no
		// regex)
		int start = (text.startsWith("-")) ? 1 : 0;
		if (start == text.length()) {
			return false;
		}
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * The allowed skew when nothing is configured.
	 * @return five minutes
	 */
	public static Duration defaultClockSkew() {
		return Duration.ofMinutes(5);
	}

}
