package io.seqrec.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An interaction as producers send it to {@link Topics#INTERACTIONS} (JSON value, key =
 * user id). Fields arrive unchecked; {@link InteractionEvents#validate} says whether the
 * event can be ingested.
 *
 * @param eventId unique per event, used for de-duplication
 * @param userId the user (opaque string)
 * @param itemId the item (opaque string)
 * @param timestamp when it happened: epoch milliseconds (a JSON number or digits) or
 * ISO-8601
 * @param type optional kind (view, click, cart, purchase, rating, ...; any value is
 * accepted)
 * @param value optional value (a rating, a price, a dwell time)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionEvent(@Nullable String eventId, @Nullable String userId, @Nullable String itemId,
		@Nullable String timestamp, @Nullable String type, @Nullable Double value) {

	/**
	 * An event at an instant given in epoch milliseconds, without type or value.
	 * @param eventId the event id
	 * @param userId the user
	 * @param itemId the item
	 * @param epochMillis the time
	 * @return the event
	 */
	public static InteractionEvent of(String eventId, String userId, String itemId, long epochMillis) {
		return new InteractionEvent(eventId, userId, itemId, Long.toString(epochMillis), null, null);
	}

}
