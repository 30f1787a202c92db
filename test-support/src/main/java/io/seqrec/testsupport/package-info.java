/**
 * What the services' tests share (test scope only): embedded servers as JUnit and Spring
 * test extensions, a writer for the Redis contract layout, and model artifacts.
 */
@NullMarked
package io.seqrec.testsupport;

import org.jspecify.annotations.NullMarked;
