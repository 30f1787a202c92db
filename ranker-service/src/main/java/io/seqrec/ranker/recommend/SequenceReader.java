package io.seqrec.ranker.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.SequenceStoreException;

/**
 * Reads users' recent items in the contract's Redis layout ({@link RedisKeys}): the last
 * members of each user's sequence sorted set, oldest first. Several users are read in one
 * pipelined round trip.
 */
public final class SequenceReader {

	private final RedisClusterAsyncCommands<String, String> redis;

	private final long timeoutNanos;

	/**
	 * Creates a reader.
	 * @param redis asynchronous commands of a thread-safe connection
	 * @param timeout how long to wait for Redis
	 */
	public SequenceReader(RedisClusterAsyncCommands<String, String> redis, Duration timeout) {
		this.redis = redis;
		this.timeoutNanos = timeout.toNanos();
	}

	/**
	 * A user's most recent items.
	 * @param userId the user
	 * @param limit how many of the most recent events
	 * @return item ids, oldest first (empty for an unknown user)
	 */
	public List<String> recentItems(String userId, int limit) {
		return items(await(this.redis.zrange(RedisKeys.sequence(userId), -limit, -1), System.nanoTime()));
	}

	/**
	 * Several users' most recent items, in one pipelined round trip.
	 * @param userIds the users
	 * @param limit how many of the most recent events per user
	 * @return item ids per user, in the users' order
	 */
	public List<List<String>> recentItems(List<String> userIds, int limit) {
		List<RedisFuture<List<String>>> replies = new ArrayList<>(userIds.size());
		for (String userId : userIds) {
			replies.add(this.redis.zrange(RedisKeys.sequence(userId), -limit, -1));
		}
		long start = System.nanoTime();
		List<List<String>> sequences = new ArrayList<>(userIds.size());
		for (RedisFuture<List<String>> reply : replies) {
			sequences.add(items(await(reply, start)));
		}
		return sequences;
	}

	/**
	 * The ingest service's most popular items.
	 * @param limit how many
	 * @return item id to event count, most popular first
	 */
	public Map<String, Long> popularItems(int limit) {
		Map<String, Long> items = new LinkedHashMap<>();
		for (ScoredValue<String> value : await(this.redis.zrevrangeWithScores(RedisKeys.ITEM_POPULARITY, 0, limit - 1),
				System.nanoTime())) {
			items.put(value.getValue(), (long) value.getScore());
		}
		return items;
	}

	private static List<String> items(List<String> members) {
		List<String> items = new ArrayList<>(members.size());
		for (String member : members) {
			items.add(RedisKeys.entry(member, 0).itemId());
		}
		return items;
	}

	private <T> T await(RedisFuture<T> future, long start) {
		try {
			long left = Math.max(0, this.timeoutNanos - (System.nanoTime() - start));
			return future.get(left, TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SequenceStoreException("interrupted while reading from Redis", ex);
		}
		catch (ExecutionException ex) {
			throw new SequenceStoreException("Redis read failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new SequenceStoreException(
					"Redis did not answer within " + Duration.ofNanos(this.timeoutNanos).toMillis() + " ms", ex);
		}
	}

}
