/**
 * Model artifacts for tests: trained on a planted rule or untrained, made once per JVM
 * and published into model stores as versions.
 */
@NullMarked
package io.seqrec.testsupport.models;

import org.jspecify.annotations.NullMarked;
