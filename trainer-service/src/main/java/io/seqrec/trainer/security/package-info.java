/**
 * Admin keys: every call of the trainer's API carries a valid {@code X-API-Key} header,
 * or gets a 401 problem document; health and metrics are open.
 */
@NullMarked
package io.seqrec.trainer.security;

import org.jspecify.annotations.NullMarked;
