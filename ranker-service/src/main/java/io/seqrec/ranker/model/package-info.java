/**
 * The live model: loading it from the model store, swapping it atomically when
 * {@code seqrec.model-updates} announces a new version (requests in flight finish on the
 * old one, which is closed after them), scoring concurrent requests, and its readiness
 * and meters.
 */
@NullMarked
package io.seqrec.ranker.model;

import org.jspecify.annotations.NullMarked;
