/**
 * Training runs: snapshot of the sequences in Redis, dataset, training and evaluation
 * with the CLI's pipeline, one run at a time, with progress that the API reports.
 */
@NullMarked
package io.seqrec.trainer.run;

import org.jspecify.annotations.NullMarked;
