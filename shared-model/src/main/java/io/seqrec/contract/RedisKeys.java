package io.seqrec.contract;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The Redis layout of seqrec. A user's keys carry the user id as a hash tag
 * ({@code {userId}}) so that they live in one slot of a Redis Cluster and one script can
 * update them atomically.
 * <ul>
 * <li>{@code seqrec:u:{<userId>}:seq}: sorted set of the user's most recent events, score
 * = event time in epoch milliseconds, member = {@link #member(String, String)} (event id
 * and item id); a late event lands in its place by score.</li>
 * <li>{@code seqrec:u:{<userId>}:ids}: sorted set of recently ingested event ids (score =
 * ingestion time), the de-duplication window.</li>
 * <li>{@code seqrec:{stats}:popularity}: sorted set, item id to number of ingested
 * events.</li>
 * <li>{@code seqrec:{stats}:events}: counter of ingested (non-duplicate) events; the
 * {@code {stats}} tag keeps both counters in one slot, for the one script that updates
 * them.</li>
 * </ul>
 * A user id may contain any character but may not start with {@code '}'}, which would
 * make the hash tag empty (validation refuses such events).
 */
public final class RedisKeys {

	/** Item popularity counters. */
	public static final String ITEM_POPULARITY = "seqrec:{stats}:popularity";

	/** Count of ingested events, for "retrain after N new events". */
	public static final String EVENT_COUNTER = "seqrec:{stats}:events";

	/** SCAN pattern of every user's sequence key. */
	public static final String SEQUENCE_PATTERN = "seqrec:u:{*}:seq";

	private static final String USER_PREFIX = "seqrec:u:{";

	private static final String SEQUENCE_SUFFIX = "}:seq";

	private static final String IDS_SUFFIX = "}:ids";

	/** Digits of an event id's length: up to 999,999,999, never an overflow. */
	private static final int MAX_LENGTH_DIGITS = 9;

	private RedisKeys() {
	}

	/**
	 * The key of a user's sequence.
	 * @param userId the user
	 * @return {@code seqrec:u:{userId}:seq}
	 */
	public static String sequence(String userId) {
		return USER_PREFIX + userId + SEQUENCE_SUFFIX;
	}

	/**
	 * The key of a user's de-duplication window.
	 * @param userId the user
	 * @return {@code seqrec:u:{userId}:ids}
	 */
	public static String eventIds(String userId) {
		return USER_PREFIX + userId + IDS_SUFFIX;
	}

	/**
	 * The user of a sequence key.
	 * @param sequenceKey a key made by {@link #sequence(String)}
	 * @return the user id
	 */
	public static String userOf(String sequenceKey) {
		if (!sequenceKey.startsWith(USER_PREFIX) || !sequenceKey.endsWith(SEQUENCE_SUFFIX)) {
			throw new IllegalArgumentException("not a sequence key: " + sequenceKey);
		}
		return sequenceKey.substring(USER_PREFIX.length(), sequenceKey.length() - SEQUENCE_SUFFIX.length());
	}

	/**
	 * A sequence member: the event id's length, a colon, the event id, then the item id.
	 * The length prefix keeps any characters in ids unambiguous, and the event id keeps
	 * two events of the same item distinct.
	 * @param eventId the event id
	 * @param itemId the item id
	 * @return the member
	 */
	public static String member(String eventId, String itemId) {
		return eventId.length() + ":" + eventId + itemId;
	}

	/**
	 * Decodes a sequence member.
	 * @param member a member made by {@link #member(String, String)}
	 * @param epochMillis its score
	 * @return the entry
	 */
	public static SequenceEntry entry(String member, long epochMillis) {
		int colon = member.indexOf(':');
		int length = Integer.parseInt(member, 0, colon, 10);
		int itemStart = colon + 1 + length;
		return new SequenceEntry(member.substring(colon + 1, itemStart), member.substring(itemStart), epochMillis);
	}

	/**
	 * The item id of a sequence member, read from its UTF-8 bytes as Redis returns them,
	 * without decoding the event id or the member as a whole ({@link #entry} decodes both
	 * ids).
	 * @param member a member made by {@link #member(String, String)}, in UTF-8, from the
	 * buffer's position to its limit (neither is changed)
	 * @return the item id
	 * @throws IllegalArgumentException if the bytes are not such a member
	 */
	public static String itemIdOf(ByteBuffer member) {
		int at = member.position();
		int end = member.limit();
		int length = 0;
		int digits = 0;
		byte next;
		while (at < end && (next = member.get(at)) != ':') {
			if (next < '0' || next > '9' || digits == MAX_LENGTH_DIGITS) {
				throw malformed(member);
			}
			length = length * 10 + (next - '0');
			digits++;
			at++;
		}
		if (digits == 0 || at == end) {
			throw malformed(member);
		}
		at++;
		// the length counts the event id's UTF-16 units: skip as many in UTF-8, where a
		// character outside the Basic Multilingual Plane is 4 bytes and 2 units
		for (int units = 0; units < length;) {
			if (at >= end) {
				throw malformed(member);
			}
			int lead = member.get(at) & 0xff;
			int bytes = (lead < 0x80) ? 1 : (lead >= 0xf0) ? 4 : (lead >= 0xe0) ? 3 : 2;
			at += bytes;
			units += (bytes == 4) ? 2 : 1;
			if (units > length) {
				throw malformed(member);
			}
		}
		if (at > end) {
			throw malformed(member);
		}
		byte[] itemId = new byte[end - at];
		member.get(at, itemId);
		return new String(itemId, StandardCharsets.UTF_8);
	}

	private static IllegalArgumentException malformed(ByteBuffer member) {
		byte[] bytes = new byte[Math.min(member.remaining(), 200)];
		member.get(member.position(), bytes);
		return new IllegalArgumentException("not a sequence member (event id length, ':', event id, item id): '"
				+ new String(bytes, StandardCharsets.UTF_8) + "'");
	}

}
