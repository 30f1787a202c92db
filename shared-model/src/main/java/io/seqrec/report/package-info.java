/**
 * Self-contained HTML reports, charts drawn by the uPlot library inlined from its webjar:
 * a tuning search ({@link TuneReport}) and a training run ({@link RunReport}).
 */
@NullMarked
package io.seqrec.report;

import org.jspecify.annotations.NullMarked;
