/**
 * API keys: every request but health, info, metrics and the API documentation carries a
 * valid {@code X-API-Key} header, or gets a 401 problem document; a request path that is
 * not canonical gets a 400 first.
 */
@NullMarked
package io.seqrec.ranker.security;

import org.jspecify.annotations.NullMarked;
