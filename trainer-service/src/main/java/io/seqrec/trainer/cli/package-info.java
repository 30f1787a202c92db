/**
 * The offline command line, RecBole's quick start in Java: {@code seqrec train} and
 * {@code seqrec evaluate} on atomic files, printing RecBole-style result lines. It runs
 * without Spring.
 */
@NullMarked
package io.seqrec.trainer.cli;

import org.jspecify.annotations.NullMarked;
