/**
 * The contracts the services meet through: Kafka topic names, the interaction event and
 * its validation rules, the Redis key layout of user sequences and item popularity, the
 * sequence store that reads them, and the model-update message.
 */
@NullMarked
package io.seqrec.contract;

import org.jspecify.annotations.NullMarked;
