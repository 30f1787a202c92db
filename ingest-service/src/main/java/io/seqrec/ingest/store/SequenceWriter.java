package io.seqrec.ingest.store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;

import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.ValidEvent;
import io.seqrec.ingest.IngestProperties;

/**
 * Writes a batch of validated events into the users' sequences.
 *
 * <p>
 * Every user's events of the batch are applied in one atomic script call (de-duplication
 * by event id, insertion by event time, cap), so a reader never sees a user half-updated.
 * One call serves a group of users whose keys share a hash slot (any users on a
 * standalone Redis, users of one slot on a Redis Cluster), because the fixed cost of a
 * call dwarfs the work per event; all calls of a batch go out as one pipeline. A second
 * script then counts the new events (item popularity and the ingested-events counter).
 * The method returns only after Redis acknowledged everything, so the caller can commit
 * the Kafka offsets; any failure throws {@link RedisWriteException} and the batch is
 * retried, which is harmless: duplicates are dropped.
 *
 * <p>
 * The counters are updated after the sequences, for the events the first script reported
 * as new: a crash between the two leaves those events uncounted (the counters serve cold
 * start and tolerate it); sequences are exact.
 */
public final class SequenceWriter implements AutoCloseable {

	private final AbstractRedisClient client;

	private final IngestProperties properties;

	private final Clock clock;

	private final boolean cluster;

	private final LuaScript append = new LuaScript("append.lua");

	private final LuaScript count = new LuaScript("count.lua");

	private final ThreadLocal<RedisCommandsSession> sessions = new ThreadLocal<>();

	private final ConcurrentLinkedQueue<RedisCommandsSession> opened = new ConcurrentLinkedQueue<>();

	/**
	 * Creates a writer.
	 * @param client the Lettuce client of the service's Redis (standalone or cluster)
	 * @param properties cap, de-duplication window, retention and group size
	 * @param clock the ingestion clock
	 */
	public SequenceWriter(AbstractRedisClient client, IngestProperties properties, Clock clock) {
		this.client = client;
		this.properties = properties;
		this.clock = clock;
		this.cluster = client instanceof RedisClusterClient;
	}

	/**
	 * Writes the events and waits for Redis to acknowledge them.
	 * @param events validated events, in any order
	 * @return how many were new and how many duplicates
	 */
	public WriteResult write(List<ValidEvent> events) {
		if (events.isEmpty()) {
			return WriteResult.EMPTY;
		}
		Map<String, List<ValidEvent>> byUser = new LinkedHashMap<>();
		for (ValidEvent event : events) {
			byUser.computeIfAbsent(event.userId(), (user) -> new ArrayList<>()).add(event);
		}
		RedisCommandsSession session = null;
		try {
			// opening the session belongs here too: connecting fails while Redis is down
			session = session();
			List<ValidEvent> added = appendAll(session, groups(byUser));
			countAll(session, added);
			return new WriteResult(added.size(), events.size() - added.size(), byUser.size());
		}
		catch (RuntimeException ex) {
			this.append.forgetIfUnknown(ex);
			this.count.forgetIfUnknown(ex);
			if (session != null) {
				discard(session);
			}
			throw (ex instanceof RedisWriteException write) ? write
					: new RedisWriteException("Redis write failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Users grouped so that each group's keys share a hash slot, at most the configured
	 * size.
	 */
	private List<List<List<ValidEvent>>> groups(Map<String, List<ValidEvent>> byUser) {
		Map<Integer, List<List<ValidEvent>>> bySlot = new LinkedHashMap<>();
		for (List<ValidEvent> userEvents : byUser.values()) {
			int slot = this.cluster ? SlotHash.getSlot(RedisKeys.sequence(userEvents.get(0).userId())) : 0;
			bySlot.computeIfAbsent(slot, (s) -> new ArrayList<>()).add(userEvents);
		}
		List<List<List<ValidEvent>>> groups = new ArrayList<>();
		int size = this.properties.usersPerScript();
		for (List<List<ValidEvent>> slotUsers : bySlot.values()) {
			for (int from = 0; from < slotUsers.size(); from += size) {
				groups.add(slotUsers.subList(from, Math.min(slotUsers.size(), from + size)));
			}
		}
		return groups;
	}

	private List<ValidEvent> appendAll(RedisCommandsSession session, List<List<List<ValidEvent>>> groups) {
		String sha = this.append.sha(session);
		String[] fixed = { Integer.toString(this.properties.maxSequenceLength()), Long.toString(this.clock.millis()),
				Long.toString(Math.max(1, this.properties.dedupWindow().toMillis())),
				Long.toString(this.properties.sequenceTtl().toMillis()) };
		List<RedisFuture<List<Object>>> replies = new ArrayList<>(groups.size());
		for (List<List<ValidEvent>> group : groups) {
			List<String> keys = new ArrayList<>(group.size() * 2);
			List<String> args = new ArrayList<>(List.of(fixed));
			for (List<ValidEvent> userEvents : group) {
				String user = userEvents.get(0).userId();
				keys.add(RedisKeys.sequence(user));
				keys.add(RedisKeys.eventIds(user));
				args.add(Integer.toString(userEvents.size()));
				for (ValidEvent event : userEvents) {
					args.add(event.eventId());
					args.add(RedisKeys.member(event.eventId(), event.itemId()));
					args.add(Long.toString(event.epochMillis()));
				}
			}
			replies.add(session.commands()
				.evalsha(sha, ScriptOutputType.MULTI, keys.toArray(String[]::new), args.toArray(String[]::new)));
		}
		session.flush();
		List<ValidEvent> added = new ArrayList<>();
		for (int g = 0; g < groups.size(); g++) {
			List<Object> reply = RedisReplies.await(replies.get(g), "appending events");
			int r = 0;
			for (List<ValidEvent> userEvents : groups.get(g)) {
				long fresh = (Long) reply.get(r++);
				for (long i = 0; i < fresh; i++) {
					added.add(userEvents.get(((Long) reply.get(r++)).intValue() - 1));
				}
			}
		}
		return added;
	}

	private void countAll(RedisCommandsSession session, List<ValidEvent> added) {
		if (added.isEmpty()) {
			return;
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ValidEvent event : added) {
			counts.merge(event.itemId(), 1L, Long::sum);
		}
		List<String> args = new ArrayList<>(1 + 2 * counts.size());
		args.add(Integer.toString(added.size()));
		counts.forEach((item, n) -> {
			args.add(item);
			args.add(Long.toString(n));
		});
		RedisFuture<Long> reply = session.commands()
			.evalsha(this.count.sha(session), ScriptOutputType.INTEGER,
					new String[] { RedisKeys.ITEM_POPULARITY, RedisKeys.EVENT_COUNTER }, args.toArray(String[]::new));
		session.flush();
		RedisReplies.await(reply, "counting events");
	}

	private RedisCommandsSession session() {
		RedisCommandsSession session = this.sessions.get();
		if (session == null || !session.isOpen()) {
			session = RedisCommandsSession.open(this.client);
			this.sessions.set(session);
			this.opened.add(session);
		}
		return session;
	}

	private void discard(RedisCommandsSession session) {
		// queued or in-flight commands of a failed batch must not run later: start afresh
		this.sessions.remove();
		this.opened.remove(session);
		session.close();
	}

	@Override
	public void close() {
		this.opened.forEach(RedisCommandsSession::close);
		this.opened.clear();
	}

}
