package io.seqrec.contract;

/**
 * One event of a user's stored sequence.
 *
 * @param eventId the event id
 * @param itemId the item
 * @param epochMillis when it happened
 */
public record SequenceEntry(String eventId, String itemId, long epochMillis) {

}
