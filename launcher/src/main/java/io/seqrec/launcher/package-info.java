/**
 * The seqrec command line of the whole project: the offline commands of the trainer
 * ({@code train}, {@code evaluate}), the benchmarks, and the local platform, on embedded
 * servers that come from Maven Central.
 */
@NullMarked
package io.seqrec.launcher;

import org.jspecify.annotations.NullMarked;
