/**
 * When runs start on their own: a cron expression, a fixed delay, or a number of new
 * events.
 */
@NullMarked
package io.seqrec.trainer.schedule;

import org.jspecify.annotations.NullMarked;
