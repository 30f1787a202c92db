/**
 * One RecBole-style job from configuration to results: read or receive interactions,
 * filter and split them, build and train the configured model, evaluate it, and write
 * {@code result.json} and the model artifact. Shared by the offline CLI and the
 * trainer-service.
 */
@NullMarked
package io.seqrec.run;

import org.jspecify.annotations.NullMarked;
