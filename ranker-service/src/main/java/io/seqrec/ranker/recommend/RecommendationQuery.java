package io.seqrec.ranker.recommend;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A validated request for recommendations.
 *
 * @param userId the user whose stored sequence is read, or null for a session
 * @param sessionItems a session's items, oldest first (null for a user)
 * @param k how many items
 * @param excludeSeen whether the items of the sequence are left out
 * @param exclude further items to leave out
 */
public record RecommendationQuery(@Nullable String userId, @Nullable List<String> sessionItems, int k,
		boolean excludeSeen, List<String> exclude) {

	/**
	 * A user's request.
	 * @param userId the user
	 * @param k how many items
	 * @param excludeSeen whether seen items are left out
	 * @param exclude further items to leave out
	 * @return the query
	 */
	public static RecommendationQuery forUser(String userId, int k, boolean excludeSeen, List<String> exclude) {
		return new RecommendationQuery(userId, null, k, excludeSeen, exclude);
	}

	/**
	 * An anonymous session's request.
	 * @param items the session's items, oldest first
	 * @param k how many items
	 * @param excludeSeen whether the session's items are left out
	 * @param exclude further items to leave out
	 * @return the query
	 */
	public static RecommendationQuery forSession(List<String> items, int k, boolean excludeSeen, List<String> exclude) {
		return new RecommendationQuery(null, items, k, excludeSeen, exclude);
	}

}
