package io.seqrec.ingest.consume;

import io.seqrec.contract.InteractionEvent;

/**
 * A received record value: the event as parsed, and the bytes as the producer sent them,
 * so that a dead-lettered record carries exactly its original value.
 *
 * @param raw the original value
 * @param event the parsed event
 */
record ReceivedEvent(byte[] raw, InteractionEvent event) {

}
