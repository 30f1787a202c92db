package io.seqrec.model;

import java.util.Locale;

/**
 * How training samples are formed ({@code train_mode}).
 */
public enum TrainMode {

	/**
	 * RecBole's: every prefix of a user's sequence is its own sample, the loss is taken
	 * at its last position.
	 */
	PREFIX,
	/**
	 * Each user's training sequence is cut into windows of {@code MAX_ITEM_LIST_LENGTH}
	 * positions and the next-item loss is taken at every position in one pass. Same
	 * targets, about {@code L} times less encoder work.
	 */
	ALL_POSITIONS;

	/**
	 * Parses the configured value.
	 * @param value {@code prefix} or {@code all_positions}
	 * @return the mode
	 */
	public static TrainMode parse(String value) {
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					"train_mode '" + value + "' is not supported; valid choices: prefix, all_positions", ex);
		}
	}

	/**
	 * The configuration spelling.
	 * @return {@code prefix} or {@code all_positions}
	 */
	public String configName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
