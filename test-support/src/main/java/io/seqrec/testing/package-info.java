/**
 * Servers that tests start inside the build, from artifacts on Maven Central: a Redis
 * Cluster of real {@code redis-server} processes and an S3-compatible server.
 */
@NullMarked
package io.seqrec.testing;

import org.jspecify.annotations.NullMarked;
