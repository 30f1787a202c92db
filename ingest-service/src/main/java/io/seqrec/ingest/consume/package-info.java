/**
 * Consuming interaction events: the batch listener, deserialization and dead-letter
 * policy, topics and Kafka health.
 */
@NullMarked
package io.seqrec.ingest.consume;

import org.jspecify.annotations.NullMarked;
