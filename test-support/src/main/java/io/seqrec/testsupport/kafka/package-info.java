/**
 * The embedded Kafka broker of seqrec's tests.
 */
@NullMarked
package io.seqrec.testsupport.kafka;

import org.jspecify.annotations.NullMarked;
