/**
 * The test JVM's embedded Redis server, as a JUnit extension and a Spring test context
 * customizer, a writer for seqrec's Redis layout, and a Redis Cluster of real
 * {@code redis-server} processes.
 */
@NullMarked
package io.seqrec.testsupport.redis;

import org.jspecify.annotations.NullMarked;
