package io.seqrec.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * The {@link SequenceStore} on Redis, through Lettuce's asynchronous API (standalone or
 * cluster). A snapshot scans the sequence keys a page at a time and reads each page's
 * sequences in one pipelined round trip.
 */
public final class RedisSequenceStore implements SequenceStore {

	private static final long TIMEOUT_SECONDS = 30;

	private final RedisClusterAsyncCommands<String, String> redis;

	private final int pageSize;

	/**
	 * Creates a store.
	 * @param redis asynchronous commands of a thread-safe Lettuce connection
	 * @param pageSize keys per SCAN page in snapshots
	 */
	public RedisSequenceStore(RedisClusterAsyncCommands<String, String> redis, int pageSize) {
		this.redis = redis;
		this.pageSize = pageSize;
	}

	@Override
	public List<SequenceEntry> read(String userId, int limit) {
		return entries(await(this.redis.zrangeWithScores(RedisKeys.sequence(userId), (limit > 0) ? -limit : 0, -1)));
	}

	@Override
	public long snapshot(Consumer<UserSequence> consumer) {
		ScanArgs args = ScanArgs.Builder.matches(RedisKeys.SEQUENCE_PATTERN).limit(this.pageSize);
		ScanCursor cursor = ScanCursor.INITIAL;
		long users = 0;
		do {
			KeyScanCursor<String> page = await(this.redis.scan(cursor, args));
			List<RedisFuture<List<ScoredValue<String>>>> reads = new ArrayList<>(page.getKeys().size());
			for (String key : page.getKeys()) {
				reads.add(this.redis.zrangeWithScores(key, 0, -1));
			}
			for (int i = 0; i < reads.size(); i++) {
				List<SequenceEntry> entries = entries(await(reads.get(i)));
				if (!entries.isEmpty()) {
					consumer.accept(new UserSequence(RedisKeys.userOf(page.getKeys().get(i)), entries));
					users++;
				}
			}
			cursor = page;
		}
		while (!cursor.isFinished());
		return users;
	}

	@Override
	public Map<String, Long> popularItems(int limit) {
		Map<String, Long> items = new LinkedHashMap<>();
		for (ScoredValue<String> value : await(
				this.redis.zrevrangeWithScores(RedisKeys.ITEM_POPULARITY, 0, limit - 1))) {
			items.put(value.getValue(), (long) value.getScore());
		}
		return items;
	}

	@Override
	public long ingestedEvents() {
		String value = await(this.redis.get(RedisKeys.EVENT_COUNTER));
		return (value != null) ? Long.parseLong(value) : 0;
	}

	private static List<SequenceEntry> entries(List<ScoredValue<String>> values) {
		List<SequenceEntry> entries = new ArrayList<>(values.size());
		for (ScoredValue<String> value : values) {
			entries.add(RedisKeys.entry(value.getValue(), (long) value.getScore()));
		}
		return entries;
	}

	private static <T> T await(RedisFuture<T> future) {
		try {
			return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SequenceStoreException("interrupted while reading from Redis", ex);
		}
		catch (ExecutionException ex) {
			throw new SequenceStoreException("Redis read failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new SequenceStoreException("Redis did not answer within " + TIMEOUT_SECONDS + " s", ex);
		}
	}

}
