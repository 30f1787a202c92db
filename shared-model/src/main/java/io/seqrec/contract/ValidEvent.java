package io.seqrec.contract;

import org.jspecify.annotations.Nullable;

/**
 * An event that passed validation, its time resolved to epoch milliseconds.
 *
 * @param eventId the event id
 * @param userId the user
 * @param itemId the item
 * @param epochMillis when it happened
 * @param type the optional kind
 * @param value the optional value
 */
public record ValidEvent(String eventId, String userId, String itemId, long epochMillis, @Nullable String type,
		@Nullable Double value) {

}
