/**
 * The model artifact: a directory {@code name/version/} holding the network parameters
 * (DJL {@code .params} with every hyper-parameter in its header), the configuration, the
 * item vocabulary, item popularity for fallback, evaluation metrics, and a manifest with
 * SHA-256 checksums that loading verifies.
 */
@NullMarked
package io.seqrec.artifact;

import org.jspecify.annotations.NullMarked;
