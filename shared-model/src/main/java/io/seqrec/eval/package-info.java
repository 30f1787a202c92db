/**
 * Full-ranking evaluation as RecBole does it for sequential models: one positive per row,
 * padding column at minus infinity, no history masking, metrics at every K rounded to
 * {@code metric_decimal_place}.
 */
@NullMarked
package io.seqrec.eval;

import org.jspecify.annotations.NullMarked;
