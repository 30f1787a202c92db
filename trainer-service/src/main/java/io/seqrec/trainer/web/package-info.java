/**
 * The trainer's HTTP API: training runs and the model registry, with RFC 9457 problem
 * documents for errors.
 */
@NullMarked
package io.seqrec.trainer.web;

import org.jspecify.annotations.NullMarked;
