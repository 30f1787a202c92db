package io.seqrec.ranker.web;

import java.util.List;

import io.seqrec.ranker.recommend.Recommendation;

/**
 * The answers of a batch request.
 *
 * @param results one recommendation per request, in the requests' order
 */
public record BatchResponse(List<Recommendation> results) {
}
