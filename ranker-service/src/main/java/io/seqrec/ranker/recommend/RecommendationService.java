package io.seqrec.ranker.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.seqrec.contract.SequenceStore;
import io.seqrec.data.Vocabulary;
import io.seqrec.ranker.RankerProperties;
import io.seqrec.ranker.model.LiveModel;
import io.seqrec.ranker.model.ModelHolder;
import io.seqrec.ranker.model.ModelLease;
import io.seqrec.ranker.model.ScoreRows;
import io.seqrec.ranker.model.Scorer;

/**
 * Answers recommendation queries. Under one lease of the live model, it reads the users'
 * recent items from Redis (the model's {@code MAX_ITEM_LIST_LENGTH} most recent events),
 * maps them to the model's vocabulary, scores all queries with known items in one call to
 * the scorer, and keeps the best {@code k} items that are neither padding, seen (by
 * default) nor excluded. A query with no item the model knows gets the artifact's most
 * popular items instead.
 */
@Service
public class RecommendationService {

	/** Events read per user for exclusions when no model is loaded. */
	private static final int HISTORY_WITHOUT_MODEL = 50;

	private final ModelHolder holder;

	private final Scorer scorer;

	private final SequenceStore sequences;

	private final RedisPopularItems redisPopular;

	private final RecommendationMetrics metrics;

	private final RankerProperties properties;

	RecommendationService(ModelHolder holder, Scorer scorer, SequenceStore sequences, RedisPopularItems redisPopular,
			RecommendationMetrics metrics, RankerProperties properties) {
		this.holder = holder;
		this.scorer = scorer;
		this.sequences = sequences;
		this.redisPopular = redisPopular;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * Answers one query.
	 * @param query the query
	 * @return the recommendation
	 * @throws ModelUnavailableException if no model is loaded and no fallback is
	 * configured
	 */
	public Recommendation recommend(RecommendationQuery query) {
		return recommend(List.of(query)).get(0);
	}

	/**
	 * Answers several queries with one Redis round trip and one scoring call.
	 * @param queries the queries
	 * @return one recommendation per query, in order
	 * @throws ModelUnavailableException if no model is loaded and no fallback is
	 * configured
	 */
	public List<Recommendation> recommend(List<RecommendationQuery> queries) {
		Optional<ModelLease> lease = this.holder.lease();
		if (lease.isEmpty()) {
			return withoutModel(queries);
		}
		try (ModelLease leased = lease.get()) {
			LiveModel model = leased.model();
			List<List<String>> histories = histories(queries, model.maxSequenceLength());
			List<Plan> plans = new ArrayList<>(queries.size());
			List<int[]> sequences = new ArrayList<>(queries.size());
			int candidates = 1;
			for (int i = 0; i < queries.size(); i++) {
				Plan plan = plan(model, queries.get(i), histories.get(i));
				plans.add(plan);
				if (plan.sequence() != null) {
					sequences.add(plan.sequence());
					// enough for k after dropping padding and every excluded item
					candidates = Math.max(candidates, queries.get(i).k() + plan.excluded().length + 1);
				}
			}
			ScoreRows rows = sequences.isEmpty() ? null : this.scorer.score(model, sequences, candidates);
			List<Recommendation> answers = new ArrayList<>(queries.size());
			int row = 0;
			for (int i = 0; i < queries.size(); i++) {
				RecommendationQuery query = queries.get(i);
				Plan plan = plans.get(i);
				List<RecommendedItem> items;
				if (rows != null && plan.sequence() != null) {
					items = scored(model, rows, row++, query.k(), plan);
					this.metrics.scored();
				}
				else {
					items = popular(model, query.k(), plan.excluded());
					if (plan.unknownUser()) {
						this.metrics.unknownUser();
					}
					else {
						this.metrics.unknownItems();
					}
				}
				answers.add(new Recommendation(newId(), query.userId(), model.name(), model.version(), items,
						(query.sessionItems() != null) ? plan.unknownItems() : null));
			}
			return answers;
		}
	}

	private List<List<String>> histories(List<RecommendationQuery> queries, int limit) {
		List<String> users = new ArrayList<>();
		for (RecommendationQuery query : queries) {
			if (query.userId() != null) {
				users.add(query.userId());
			}
		}
		List<List<String>> read = users.isEmpty() ? List.of() : this.sequences.recentItems(users, limit);
		List<List<String>> histories = new ArrayList<>(queries.size());
		int next = 0;
		for (RecommendationQuery query : queries) {
			histories.add((query.userId() != null) ? read.get(next++) : query.sessionItems());
		}
		return histories;
	}

	private static Plan plan(LiveModel model, RecommendationQuery query, List<String> history) {
		Vocabulary vocabulary = model.items();
		int[] known = new int[history.size()];
		int count = 0;
		List<String> unknown = null;
		for (String item : history) {
			int index = vocabulary.idOf(item);
			if (index > 0) {
				known[count++] = index;
			}
			else if (query.sessionItems() != null) {
				unknown = (unknown != null) ? unknown : new ArrayList<>();
				unknown.add(item);
			}
		}
		int seen = query.excludeSeen() ? count : 0;
		int[] excluded = Arrays.copyOf(known, seen + query.exclude().size());
		for (String item : query.exclude()) {
			excluded[seen++] = vocabulary.idOf(item);
		}
		Arrays.sort(excluded);
		int[] sequence = (count == 0) ? null
				: Arrays.copyOfRange(known, Math.max(0, count - model.maxSequenceLength()), count);
		List<String> unknownItems = (unknown != null) ? List.copyOf(new LinkedHashSet<>(unknown)) : List.of();
		return new Plan(sequence, excluded, unknownItems, history.isEmpty());
	}

	private List<RecommendedItem> scored(LiveModel model, ScoreRows rows, int row, int k, Plan plan) {
		ScoreRows from = rows;
		int at = row;
		int[] top = TopK.select(from, at, k, plan.excluded());
		if (top == null) {
			// ties or NaN at the edge of the engine's candidates: score every item
			from = this.scorer.score(model, List.of(plan.sequence()));
			at = 0;
			top = TopK.select(from, at, k, plan.excluded());
		}
		List<RecommendedItem> items = new ArrayList<>(top.length);
		for (int position : top) {
			items.add(new RecommendedItem(model.items().token(from.item(at, position)), from.score(at, position),
					Reason.MODEL));
		}
		return items;
	}

	private static List<RecommendedItem> popular(LiveModel model, int k, int[] excluded) {
		List<RecommendedItem> items = new ArrayList<>(k);
		long[] popularity = model.popularity();
		for (int index : model.popularOrder()) {
			if (items.size() == k) {
				break;
			}
			if (Arrays.binarySearch(excluded, index) < 0) {
				items.add(new RecommendedItem(model.items().token(index), popularity[index], Reason.POPULAR));
			}
		}
		return items;
	}

	private List<Recommendation> withoutModel(List<RecommendationQuery> queries) {
		if (!this.properties.fallback().withoutModel()) {
			throw new ModelUnavailableException("no version of model " + this.properties.modelName()
					+ " is loaded yet, and seqrec.ranker.fallback.without-model is off");
		}
		List<List<String>> histories = histories(queries, HISTORY_WITHOUT_MODEL);
		Map<String, Long> popular = this.redisPopular.items();
		List<Recommendation> answers = new ArrayList<>(queries.size());
		for (int i = 0; i < queries.size(); i++) {
			RecommendationQuery query = queries.get(i);
			Set<String> excluded = new HashSet<>(query.exclude());
			if (query.excludeSeen()) {
				excluded.addAll(histories.get(i));
			}
			List<RecommendedItem> items = new ArrayList<>(query.k());
			for (Map.Entry<String, Long> entry : popular.entrySet()) {
				if (items.size() == query.k()) {
					break;
				}
				if (!excluded.contains(entry.getKey())) {
					items.add(new RecommendedItem(entry.getKey(), entry.getValue(), Reason.POPULAR));
				}
			}
			this.metrics.noModel();
			answers.add(new Recommendation(newId(), query.userId(), this.properties.modelName(), null, items,
					(query.sessionItems() != null) ? List.of() : null));
		}
		return answers;
	}

	/**
	 * A random (version 4) UUID from the thread's generator: an attribution id, not a
	 * secret, so it need not pay for a shared secure generator on every request.
	 */
	private static UUID newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
		long least = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
		return new UUID(most, least);
	}

	/**
	 * What to do for one query.
	 *
	 * @param sequence the known items to score (the most recent up to {@code L}), or null
	 * for the popularity fallback
	 * @param excluded sorted indices never to recommend (unknown ones are -1)
	 * @param unknownItems a session's items the model does not know
	 * @param unknownUser whether the user has no stored events
	 */
	private record Plan(int @Nullable [] sequence, int[] excluded, List<String> unknownItems, boolean unknownUser) {
	}

}
