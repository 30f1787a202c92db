package io.seqrec.launcher;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.seqrec.contract.InteractionEvent;
import io.seqrec.data.PlantedSequences;

/**
 * A stream of synthetic interaction events as producers would send them: users walk the
 * catalogue along the planted rule of {@link PlantedSequences} (with probability
 * {@value #NOISE} a step goes to a random item instead), a share of the events are
 * duplicates (an earlier event sent again) and a share arrive late (with an event time
 * before the user's previous event).
 */
public final class SyntheticEvents {

	/** The share of random steps. */
	public static final double NOISE = 0.2;

	private final PlantedSequences pattern;

	private final int users;

	private final int items;

	private final double duplicateRate;

	private final double lateRate;

	private final SplittableRandom random;

	private final long[] userClock;

	private final int[] userItem;

	private final long[] userEvents;

	private final long start;

	private final String prefix;

	private long sequence;

	private Event last = new Event("", "", false, "", "", 0);

	/**
	 * Creates a generator.
	 * @param users distinct users
	 * @param items distinct items
	 * @param duplicateRate share of events that repeat an earlier event
	 * @param lateRate share of events whose time is before the user's previous event
	 * @param seed the random seed
	 * @param startMillis event time of the first events
	 */
	public SyntheticEvents(int users, int items, double duplicateRate, double lateRate, long seed, long startMillis) {
		this(users, items, duplicateRate, lateRate, seed, startMillis, "");
	}

	/**
	 * Creates a generator whose user and event ids start with a prefix, so that the
	 * events of several runs can share a Redis without meeting.
	 * @param users distinct users
	 * @param items distinct items
	 * @param duplicateRate share of events that repeat an earlier event
	 * @param lateRate share of events whose time is before the user's previous event
	 * @param seed the random seed
	 * @param startMillis event time of the first events
	 * @param prefix the prefix of user ids ({@code <prefix>user-<n>}) and event ids
	 */
	public SyntheticEvents(int users, int items, double duplicateRate, double lateRate, long seed, long startMillis,
			String prefix) {
		this.prefix = prefix;
		this.pattern = PlantedSequences.cycle(items);
		this.users = users;
		this.items = items;
		this.duplicateRate = duplicateRate;
		this.lateRate = lateRate;
		this.random = new SplittableRandom(seed);
		this.userClock = new long[users];
		this.userItem = new int[users];
		this.userEvents = new long[users];
		this.start = startMillis;
		for (int u = 0; u < users; u++) {
			this.userClock[u] = startMillis;
			this.userItem[u] = this.random.nextInt(items);
		}
	}

	/**
	 * One event: its key (the user id), its JSON value, whether it repeats an earlier
	 * event, and the fields of the value.
	 *
	 * @param key the user id
	 * @param json the value
	 * @param duplicate whether it is a re-sent earlier event
	 * @param eventId the event id
	 * @param itemId the item id
	 * @param timestamp the event time, epoch milliseconds
	 */
	public record Event(String key, String json, boolean duplicate, String eventId, String itemId, long timestamp) {

		/**
		 * The value as UTF-8.
		 * @return bytes
		 */
		public byte[] bytes() {
			return this.json.getBytes(StandardCharsets.UTF_8);
		}

	}

	/**
	 * The next event.
	 * @return the event
	 */
	public Event next() {
		if (this.sequence > 0 && this.random.nextDouble() < this.duplicateRate) {
			this.sequence++;
			return new Event(this.last.key(), this.last.json(), true, this.last.eventId(), this.last.itemId(),
					this.last.timestamp());
		}
		int user = this.random.nextInt(this.users);
		long time = this.userClock[user] + 1_000 + this.random.nextInt(60_000);
		this.userClock[user] = time;
		if (this.userEvents[user] > 0 && this.random.nextDouble() < this.lateRate) {
			time = Math.max(this.start, time - 120_000 - this.random.nextInt(600_000));
		}
		int item = successor(this.userItem[user]);
		this.userItem[user] = item;
		this.userEvents[user]++;
		String userId = this.prefix + PlantedSequences.userId(user);
		String eventId = this.prefix + "ev-" + this.sequence;
		String itemId = PlantedSequences.itemId(item);
		String json = "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + userId + "\",\"itemId\":\"" + itemId
				+ "\",\"timestamp\":" + time + ",\"type\":\"view\"}";
		this.sequence++;
		this.last = new Event(userId, json, false, eventId, itemId, time);
		return this.last;
	}

	/**
	 * The next item of a walk: the planted successor, or with probability {@value #NOISE}
	 * any item.
	 * @param item the current item
	 * @return the next item
	 */
	int successor(int item) {
		return (this.random.nextDouble() < NOISE) ? this.random.nextInt(this.items) : this.pattern.next(item);
	}

	/**
	 * A user's walk along a planted rule without noise, duplicates or late events, one
	 * event a second.
	 * @param pattern the rule
	 * @param userId the user
	 * @param start the first item
	 * @param length the number of events
	 * @param startMillis the time of the first event
	 * @return the events, oldest first, with ids {@code <userId>-<position>}
	 */
	public static List<InteractionEvent> walk(PlantedSequences pattern, String userId, int start, int length,
			long startMillis) {
		int[] items = pattern.walk(start, length);
		List<InteractionEvent> events = new ArrayList<>(length);
		for (int t = 0; t < length; t++) {
			events.add(InteractionEvent.of(userId + "-" + t, userId, PlantedSequences.itemId(items[t]),
					startMillis + t * 1000L));
		}
		return events;
	}

}
