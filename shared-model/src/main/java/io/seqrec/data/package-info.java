/**
 * RecBole's data pipeline for sequential models: atomic-file reading, filtering
 * (duplicates, value intervals, iterative k-core), id remapping by first appearance with
 * {@code 0} as padding, prefix augmentation, the chronological leave-one-out split,
 * all-positions training windows and negative sampling.
 */
@NullMarked
package io.seqrec.data;

import org.jspecify.annotations.NullMarked;
