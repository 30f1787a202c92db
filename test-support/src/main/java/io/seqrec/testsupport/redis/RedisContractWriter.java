package io.seqrec.testsupport.redis;

import java.util.List;

import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

import io.seqrec.contract.RedisKeys;
import io.seqrec.data.InteractionTable;

/**
 * Writes interactions into Redis in the layout of {@link RedisKeys}, with the effects the
 * ingest service has for a new event: the event joins the user's sequence (score = event
 * time, member = {@link RedisKeys#member}), the item's popularity grows by one and the
 * ingested-events counter by one. Trainer and ranker tests populate Redis through it
 * instead of their own loops. It does not de-duplicate: every call is a new event.
 */
public final class RedisContractWriter implements AutoCloseable {

	/** Event time of the first event of {@link #sequence}: 2023-11-14T22:13:20Z. */
	public static final long FIRST_EVENT_MILLIS = 1_700_000_000_000L;

	private final StatefulRedisConnection<String, String> connection;

	private final RedisCommands<String, String> redis;

	RedisContractWriter(StatefulRedisConnection<String, String> connection) {
		this.connection = connection;
		this.redis = connection.sync();
	}

	/**
	 * One new event.
	 * @param userId the user
	 * @param eventId the event id
	 * @param itemId the item
	 * @param epochMillis the event time
	 * @return this writer
	 */
	public RedisContractWriter event(String userId, String eventId, String itemId, long epochMillis) {
		this.redis.zadd(RedisKeys.sequence(userId), epochMillis, RedisKeys.member(eventId, itemId));
		this.redis.zincrby(RedisKeys.ITEM_POPULARITY, 1, itemId);
		this.redis.incr(RedisKeys.EVENT_COUNTER);
		return this;
	}

	/**
	 * A user's events, one second apart from {@link #FIRST_EVENT_MILLIS}, with event ids
	 * {@code <userId>-<position>}.
	 * @param userId the user
	 * @param itemIds the items, oldest first
	 * @return this writer
	 */
	public RedisContractWriter sequence(String userId, List<String> itemIds) {
		for (int t = 0; t < itemIds.size(); t++) {
			event(userId, userId + "-" + t, itemIds.get(t), FIRST_EVENT_MILLIS + t * 1000L);
		}
		return this;
	}

	/**
	 * Every row of a table as an event: event id {@code <user>-<row>}, event time the
	 * row's timestamp in milliseconds (or the row number when the table has none).
	 * @param table the interactions, for example from
	 * {@link io.seqrec.data.PlantedSequences#table}
	 * @return this writer
	 */
	public RedisContractWriter interactions(InteractionTable table) {
		for (int row = 0; row < table.size(); row++) {
			long time = table.hasTimestamp() ? (long) table.timestamp(row) : row;
			event(table.userToken(row), table.userToken(row) + "-" + row, table.itemToken(row), time);
		}
		return this;
	}

	/**
	 * Sets an item's popularity, replacing what events counted.
	 * @param itemId the item
	 * @param count its number of events
	 * @return this writer
	 */
	public RedisContractWriter popularity(String itemId, long count) {
		this.redis.zadd(RedisKeys.ITEM_POPULARITY, count, itemId);
		return this;
	}

	/**
	 * Empties the server (every key of every database).
	 * @return this writer
	 */
	public RedisContractWriter flushAll() {
		this.redis.flushall();
		return this;
	}

	/**
	 * The ingested-events counter.
	 * @return what the ingest service would report
	 */
	public long events() {
		String value = this.redis.get(RedisKeys.EVENT_COUNTER);
		return (value != null) ? Long.parseLong(value) : 0;
	}

	/**
	 * The connection's commands, for what is not part of the layout.
	 * @return synchronous commands
	 */
	public RedisCommands<String, String> commands() {
		return this.redis;
	}

	@Override
	public void close() {
		this.connection.close();
	}

}
