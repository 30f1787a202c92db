package io.seqrec.config;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One layer of values over the built-in defaults.
 *
 * @param origin where the values come from, for messages ({@code command line},
 * {@code config file 'a.yaml'})
 * @param values the values by key, as read or given
 * @param raw whether strings are raw command-line text
 */
record Layer(String origin, Map<String, @Nullable Object> values, boolean raw) {

	/**
	 * Adds this layer's origin to a message.
	 * @param message the message
	 * @return the message followed by {@code [in <origin>]}
	 */
	String locate(String message) {
		return message + " [in " + this.origin + "]";
	}

}
