/**
 * Recommendations: a user's recent events from Redis (or a session's items), scored by
 * the live model, filtered and cut to the top K, with popular items as the fallback.
 */
@NullMarked
package io.seqrec.ranker.recommend;

import org.jspecify.annotations.NullMarked;
