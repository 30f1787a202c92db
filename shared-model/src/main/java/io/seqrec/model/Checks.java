package io.seqrec.model;

/**
 * Validation of hyper-parameter values, with messages that name the key and the value.
 */
final class Checks {

	private Checks() {
	}

	/**
	 * Fails unless a condition holds.
	 * @param condition the condition
	 * @param message what is wrong, naming the key and its value
	 * @throws IllegalArgumentException with the message
	 */
	static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * Fails unless a dropout-like probability lies in {@code [0, 1)}.
	 * @param key the key
	 * @param value the value
	 */
	static void probability(String key, float value) {
		require(value >= 0 && value < 1, key + " must be in [0, 1), got " + value);
	}

}
