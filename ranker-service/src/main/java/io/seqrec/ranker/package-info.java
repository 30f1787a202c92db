/**
 * The seqrec ranker service: HTTP recommendations from the live sequence model, with the
 * user's recent events read from Redis.
 */
@NullMarked
package io.seqrec.ranker;

import org.jspecify.annotations.NullMarked;
