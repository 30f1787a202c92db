package io.seqrec.launcher.bench.faults;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.launcher.SyntheticEvents;

/**
 * The sequences Redis must hold after a run: every event the broker acknowledged, once,
 * in each user's time order (ties by member, as Redis orders them), the most recent
 * {@code maxLength} per user. Compared with what Redis holds, it counts events lost,
 * events stored or counted twice, and users whose order differs.
 */
final class ExpectedSequences {

	private final Map<String, Map<String, SequenceEntry>> users = new HashMap<>();

	private final Set<String> uncertain = new HashSet<>();

	private long acknowledged;

	/**
	 * The comparison with Redis.
	 *
	 * @param users users compared
	 * @param expected unique events expected
	 * @param lost expected events missing from their user's sequence
	 * @param repeated events stored twice in a sequence
	 * @param unexpected stored events that were never produced
	 * @param overCounted events the ingest counter counted beyond the unique events
	 * @param orderErrors users whose events, those stored and expected, are in another
	 * order
	 */
	record Comparison(long users, long expected, long lost, long repeated, long unexpected, long overCounted,
			long orderErrors) {

		long duplicated() {
			return this.repeated + this.unexpected + this.overCounted;
		}

		void print(PrintWriter out) {
			out.printf(Locale.ROOT,
					"  compared %,d users' sequences with %,d expected events: %d lost, %d stored twice, "
							+ "%d never produced, %d counted twice, %d users out of order%n",
					this.users, this.expected, this.lost, this.repeated, this.unexpected, this.overCounted,
					this.orderErrors);
			out.flush();
		}

	}

	/**
	 * Records an event the broker acknowledged (a duplicate adds nothing).
	 * @param event the event
	 */
	synchronized void acknowledged(SyntheticEvents.Event event) {
		this.acknowledged++;
		this.users.computeIfAbsent(event.key(), (user) -> new LinkedHashMap<>())
			.putIfAbsent(event.eventId(), new SequenceEntry(event.eventId(), event.itemId(), event.timestamp()));
	}

	/**
	 * Records an event whose send failed: it may or may not have reached the broker, so
	 * it is neither expected nor unexpected.
	 * @param event the event
	 */
	synchronized void uncertain(SyntheticEvents.Event event) {
		this.uncertain.add(event.eventId());
	}

	synchronized long acknowledgedCount() {
		return this.acknowledged;
	}

	synchronized long unique() {
		long unique = 0;
		for (Map<String, SequenceEntry> events : this.users.values()) {
			unique += events.size();
		}
		return unique;
	}

	synchronized long uncertainCount() {
		return this.uncertain.size();
	}

	/**
	 * Compares with what Redis holds.
	 * @param redisUrl the Redis URL
	 * @param maxLength events kept per user
	 * @param counted how much the ingest counter grew during the run
	 * @return the comparison
	 * @throws Exception if Redis cannot be read
	 */
	synchronized Comparison compare(String redisUrl, int maxLength, long counted) throws Exception {
		long expectedTotal = 0;
		long lost = 0;
		long repeated = 0;
		long unexpected = 0;
		long orderErrors = 0;
		List<String> userIds = new ArrayList<>(this.users.keySet());
		try (RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisAsyncCommands<String, String> redis = connection.async();
			for (int from = 0; from < userIds.size(); from += 500) {
				List<String> page = userIds.subList(from, Math.min(userIds.size(), from + 500));
				List<RedisFuture<List<ScoredValue<String>>>> reads = new ArrayList<>(page.size());
				for (String user : page) {
					reads.add(redis.zrangeWithScores(RedisKeys.sequence(user), 0, -1));
				}
				for (int i = 0; i < page.size(); i++) {
					List<String> expected = expectedOrder(page.get(i), maxLength);
					expectedTotal += expected.size();
					List<String> stored = new ArrayList<>();
					for (ScoredValue<String> value : reads.get(i).get(60, TimeUnit.SECONDS)) {
						stored.add(RedisKeys.entry(value.getValue(), (long) value.getScore()).eventId());
					}
					Set<String> expectedIds = new HashSet<>(expected);
					Set<String> storedIds = new HashSet<>();
					for (String id : stored) {
						if (!storedIds.add(id)) {
							repeated++;
						}
						else if (!expectedIds.contains(id) && !this.uncertain.contains(id)) {
							unexpected++;
						}
					}
					for (String id : expected) {
						if (!storedIds.contains(id)) {
							lost++;
						}
					}
					List<String> storedOrder = stored.stream().filter(expectedIds::contains).distinct().toList();
					List<String> expectedOrder = expected.stream().filter(storedIds::contains).toList();
					if (!storedOrder.equals(expectedOrder)) {
						orderErrors++;
					}
				}
			}
		}
		long overCounted = Math.max(0, counted - unique() - this.uncertain.size());
		return new Comparison(userIds.size(), expectedTotal, lost, repeated, unexpected, overCounted, orderErrors);
	}

	private List<String> expectedOrder(String user, int maxLength) {
		List<SequenceEntry> events = new ArrayList<>(this.users.get(user).values());
		events.sort(Comparator.comparingLong(SequenceEntry::epochMillis)
			.thenComparing((entry) -> RedisKeys.member(entry.eventId(), entry.itemId())));
		List<SequenceEntry> kept = events.subList(Math.max(0, events.size() - maxLength), events.size());
		return kept.stream().map(SequenceEntry::eventId).toList();
	}

}
