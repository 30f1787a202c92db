/**
 * The test JVM's embedded Redis server, as a JUnit extension and a Spring test context
 * customizer, and a writer for seqrec's Redis layout.
 */
@NullMarked
package io.seqrec.testsupport.redis;

import org.jspecify.annotations.NullMarked;
