/**
 * Benchmarks that print their figures ({@code ./seqrec bench ingest}, ...). They measure;
 * they never pass or fail.
 */
@NullMarked
package io.seqrec.launcher.bench;

import org.jspecify.annotations.NullMarked;
