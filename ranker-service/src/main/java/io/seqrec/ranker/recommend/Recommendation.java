package io.seqrec.ranker.recommend;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The answer to one recommendation request.
 *
 * @param recommendationId a fresh id, for attributing later interactions to this answer
 * @param userId the user, for user requests
 * @param model the model's registry name
 * @param version the model version that scored (or whose popularity was used); absent
 * when no model was loaded and popular items came from Redis
 * @param items the recommended items, best first
 * @param unknownItems items of a session that the model does not know (ignored)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Recommendation(UUID recommendationId, @Nullable String userId, String model, @Nullable String version,
		List<RecommendedItem> items, @Nullable List<String> unknownItems) {
}
