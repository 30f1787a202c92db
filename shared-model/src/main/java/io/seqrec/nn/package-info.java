/**
 * Reusable DJL blocks for the sequence models: embeddings with RecBole's padding-row
 * gradient rule, additive attention masks, the post-LN transformer layer of RecBole's
 * {@code layers.py}, feed-forward blocks, activations and losses.
 *
 * <p>
 * Memory rule for every block here: the first operand of each operation is an array
 * derived from the batch (never a parameter), so results belong to the batch's manager
 * and are freed with it.
 */
@NullMarked
package io.seqrec.nn;

import org.jspecify.annotations.NullMarked;
