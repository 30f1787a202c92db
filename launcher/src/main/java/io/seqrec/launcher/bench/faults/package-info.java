/**
 * {@code seqrec bench faults}: the platform under faults (an ingest process killed, Redis
 * stopped, the broker restarted, model swaps under load, generated garbage over HTTP,
 * poison events), counted end to end against what was sent.
 */
@NullMarked
package io.seqrec.launcher.bench.faults;

import org.jspecify.annotations.NullMarked;
