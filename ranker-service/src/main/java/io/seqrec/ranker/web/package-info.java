/**
 * The ranker's HTTP API ({@code /v1}), documented with OpenAPI, with RFC 9457 problem
 * documents for errors: bad input is a 4xx, never a 500.
 */
@NullMarked
package io.seqrec.ranker.web;

import org.jspecify.annotations.NullMarked;
