/**
 * The sequence models, one file each, behind one contract
 * ({@link io.seqrec.model.SequentialRecommender}), and the explicit registry that builds
 * them by name.
 */
@NullMarked
package io.seqrec.model;

import org.jspecify.annotations.NullMarked;
