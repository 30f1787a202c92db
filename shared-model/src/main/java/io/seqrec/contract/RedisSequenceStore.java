package io.seqrec.contract;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
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
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;

/**
 * The {@link SequenceStore} on Redis, through Lettuce's asynchronous API (standalone or
 * cluster). A snapshot scans the sequence keys a page at a time (on a cluster, master by
 * master) and reads each page's sequences in one pipelined round trip.
 */
public final class RedisSequenceStore implements SequenceStore {

	private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

	private final RedisClusterAsyncCommands<String, String> redis;

	private final int pageSize;

	private final long timeoutNanos;

	/**
	 * Creates a store that waits up to 30 s for each reply.
	 * @param redis asynchronous commands of a thread-safe Lettuce connection
	 * @param pageSize keys per SCAN page in snapshots
	 */
	public RedisSequenceStore(RedisClusterAsyncCommands<String, String> redis, int pageSize) {
		this(redis, pageSize, DEFAULT_TIMEOUT);
	}

	/**
	 * Creates a store.
	 * @param redis asynchronous commands of a thread-safe Lettuce connection
	 * @param pageSize keys per SCAN page in snapshots
	 * @param timeout how long one read (all users of a pipelined read together) may take
	 */
	public RedisSequenceStore(RedisClusterAsyncCommands<String, String> redis, int pageSize, Duration timeout) {
		this.redis = redis;
		this.pageSize = pageSize;
		this.timeoutNanos = timeout.toNanos();
	}

	@Override
	public List<SequenceEntry> read(String userId, int limit) {
		return entries(await(this.redis.zrangeWithScores(RedisKeys.sequence(userId), (limit > 0) ? -limit : 0, -1)));
	}

	@Override
	public List<List<String>> recentItems(List<String> userIds, int limit) {
		List<RedisFuture<List<String>>> replies = new ArrayList<>(userIds.size());
		for (String userId : userIds) {
			// ZRANGE key -limit -1, its members decoded straight to item ids
			CommandArgs<String, String> args = new CommandArgs<>(ItemIdCodec.INSTANCE)
				.addKey(RedisKeys.sequence(userId))
				.add(-limit)
				.add(-1);
			replies.add(this.redis.dispatch(CommandType.ZRANGE, new ValueListOutput<>(ItemIdCodec.INSTANCE), args));
		}
		long start = System.nanoTime();
		List<List<String>> sequences = new ArrayList<>(userIds.size());
		for (RedisFuture<List<String>> reply : replies) {
			sequences.add(await(reply, start));
		}
		return sequences;
	}

	@Override
	public long snapshot(Consumer<UserSequence> consumer) {
		if (this.redis instanceof RedisAdvancedClusterAsyncCommands<String, String> cluster) {
			// Lettuce's cluster-wide SCAN visits every node flagged master, a failed one
			// too (it stays listed, without slots, after its replica took over): scan the
			// masters that serve slots, one after the other
			long users = 0;
			for (RedisClusterNode node : servingMasters(cluster)) {
				users += snapshot(cluster.getConnection(node.getNodeId()), consumer);
			}
			return users;
		}
		return snapshot(this.redis, consumer);
	}

	/**
	 * The masters that serve the cluster's slots, each slot by exactly one, in the
	 * client's view of the topology. Right after a failover that view may still miss the
	 * promoted replica (or still count the old master): a snapshot then would silently
	 * miss a shard's users, so this waits, up to the store's timeout, for the client's
	 * topology refresh to cover every slot once, and fails otherwise.
	 */
	private List<RedisClusterNode> servingMasters(RedisAdvancedClusterAsyncCommands<String, String> cluster) {
		long deadline = System.nanoTime() + this.timeoutNanos;
		while (true) {
			List<RedisClusterNode> masters = new ArrayList<>();
			BitSet slots = new BitSet(SlotHash.SLOT_COUNT);
			boolean overlap = false;
			for (RedisClusterNode node : cluster.getStatefulConnection().getPartitions()) {
				if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.is(RedisClusterNode.NodeFlag.FAIL)
						&& !node.is(RedisClusterNode.NodeFlag.EVENTUAL_FAIL) && !node.getSlots().isEmpty()) {
					masters.add(node);
					for (int slot : node.getSlots()) {
						overlap |= slots.get(slot);
						slots.set(slot);
					}
				}
			}
			if (!overlap && slots.cardinality() == SlotHash.SLOT_COUNT) {
				return masters;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the Redis Cluster topology does not cover every slot exactly once ("
						+ slots.cardinality() + " of " + SlotHash.SLOT_COUNT + " slots served by masters that are up"
						+ (overlap ? ", some claimed by two" : "")
						+ "): a snapshot now would miss or repeat users; is the cluster healthy and its topology "
						+ "refresh on?");
			}
			try {
				TimeUnit.MILLISECONDS.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the cluster's topology", ex);
			}
		}
	}

	/**
	 * Scans one server's sequence keys; the sequences are read through the store's own
	 * commands, which route each key to the node that serves it now.
	 */
	private long snapshot(RedisClusterAsyncCommands<String, String> scanned, Consumer<UserSequence> consumer) {
		ScanArgs args = ScanArgs.Builder.matches(RedisKeys.SEQUENCE_PATTERN).limit(this.pageSize);
		ScanCursor cursor = ScanCursor.INITIAL;
		long users = 0;
		do {
			KeyScanCursor<String> page = await(scanned.scan(cursor, args));
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

	private <T> T await(RedisFuture<T> future) {
		return await(future, System.nanoTime());
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

	/**
	 * Reads a sequence's members as their item ids ({@link RedisKeys#itemIdOf}): on the
	 * ranker's request path this spares decoding each member whole and then cutting it
	 * into two more strings. Keys are UTF-8 strings.
	 */
	private static final class ItemIdCodec implements RedisCodec<String, String> {

		static final ItemIdCodec INSTANCE = new ItemIdCodec();

		@Override
		public String decodeKey(ByteBuffer bytes) {
			return StringCodec.UTF8.decodeKey(bytes);
		}

		@Override
		public String decodeValue(ByteBuffer bytes) {
			return RedisKeys.itemIdOf(bytes);
		}

		@Override
		public ByteBuffer encodeKey(String key) {
			return StringCodec.UTF8.encodeKey(key);
		}

		@Override
		public ByteBuffer encodeValue(String value) {
			return StringCodec.UTF8.encodeValue(value);
		}

	}

}
