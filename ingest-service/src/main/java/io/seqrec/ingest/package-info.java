/**
 * The ingest service: interaction events from Kafka into rolling per-user sequences in
 * Redis.
 */
@NullMarked
package io.seqrec.ingest;

import org.jspecify.annotations.NullMarked;
