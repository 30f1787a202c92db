/**
 * An S3-compatible server (S3Mock) that tests start in a JVM of their own, from artifacts
 * on Maven Central.
 */
@NullMarked
package io.seqrec.testsupport.s3;

import org.jspecify.annotations.NullMarked;
