/**
 * Writing interaction events into Redis: one atomic script per user per batch, pipelined.
 */
@NullMarked
package io.seqrec.ingest.store;

import org.jspecify.annotations.NullMarked;
