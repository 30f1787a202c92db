package io.seqrec.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.seqrec.contract.InteractionEvent;

/**
 * Events with a deterministic planted pattern, for tests and latency measurements: every
 * item has exactly one successor, {@code (i + 37) mod items}, one cycle through the whole
 * catalogue when 37 does not divide its size. A walk shorter than the catalogue therefore
 * never repeats an item, so its planted next item is never one the user has seen.
 */
public final class CycleEvents {

	private static final int STEP = 37;

	private final int items;

	/**
	 * Creates a generator.
	 * @param items catalogue size, not a multiple of 37
	 */
	public CycleEvents(int items) {
		if (items <= 0 || items % STEP == 0) {
			throw new IllegalArgumentException("the catalogue size must be positive and not a multiple of " + STEP);
		}
		this.items = items;
	}

	/**
	 * The planted successor of an item.
	 * @param item an item index
	 * @return the next item index
	 */
	public int next(int item) {
		return (item + STEP) % this.items;
	}

	/**
	 * An item's id.
	 * @param item an item index
	 * @return {@code item-<index>}
	 */
	public static String itemId(int item) {
		return "item-" + item;
	}

	/**
	 * The index of an item id.
	 * @param itemId an id made by {@link #itemId}
	 * @return the index
	 */
	public static int index(String itemId) {
		return Integer.parseInt(itemId.substring("item-".length()));
	}

	/**
	 * A user's walk along the cycle.
	 * @param user the user id
	 * @param start the first item
	 * @param length the number of events
	 * @param startMillis the time of the first event (one second apart)
	 * @return the events, oldest first
	 */
	public List<InteractionEvent> walk(String user, int start, int length, long startMillis) {
		List<InteractionEvent> events = new ArrayList<>(length);
		int item = start;
		for (int t = 0; t < length; t++) {
			events.add(InteractionEvent.of(user + "-" + t, user, itemId(item), startMillis + t * 1000L));
			item = next(item);
		}
		return events;
	}

	/**
	 * The item that follows a walk.
	 * @param start the first item
	 * @param length the number of events
	 * @return the next item index
	 */
	public int after(int start, int length) {
		int item = start;
		for (int t = 0; t < length; t++) {
			item = next(item);
		}
		return item;
	}

	/**
	 * Training settings that learn this pattern in seconds on a CPU: one small layer,
	 * little dropout, {@code all_positions}, a fixed number of epochs.
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return configuration keys and values for the trainer
	 */
	public static Map<String, String> trainingSettings(int maxLength) {
		return Map.ofEntries(Map.entry("train_mode", "all_positions"), Map.entry("epochs", "30"),
				Map.entry("stopping_step", "100"), Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"),
				Map.entry("n_layers", "1"), Map.entry("hidden_dropout_prob", "0.1"),
				Map.entry("attn_dropout_prob", "0.1"), Map.entry("MAX_ITEM_LIST_LENGTH", Integer.toString(maxLength)),
				Map.entry("train_batch_size", "64"), Map.entry("learning_rate", "0.01"));
	}

}
