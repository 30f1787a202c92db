/**
 * Training and evaluation runs with RecBole's semantics: Adam, per-epoch shuffling, early
 * stopping on a rounded validation metric (ties count as improvement), best checkpoint
 * reloaded for the test evaluation, seeds honoured, GPU when the engine sees one.
 */
@NullMarked
package io.seqrec.train;

import org.jspecify.annotations.NullMarked;
