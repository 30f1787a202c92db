/**
 * The model registry: publication through the gate into the model store, the live pointer
 * (pinning for rollback, or following the latest accepted version), and model updates on
 * Kafka.
 */
@NullMarked
package io.seqrec.trainer.registry;

import org.jspecify.annotations.NullMarked;
