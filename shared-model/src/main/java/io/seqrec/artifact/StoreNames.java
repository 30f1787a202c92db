package io.seqrec.artifact;

import java.util.regex.Pattern;

/**
 * The names a model store accepts for models and versions: safe as a path segment of a
 * directory and as part of an object key.
 */
public final class StoreNames {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	private StoreNames() {
	}

	/**
	 * Checks a model name.
	 * @param name the name
	 * @return the name
	 * @throws IllegalArgumentException if it is not allowed
	 */
	public static String name(String name) {
		return safe("model name", name);
	}

	/**
	 * Checks a version.
	 * @param version the version
	 * @return the version
	 * @throws IllegalArgumentException if it is not allowed
	 */
	public static String version(String version) {
		return safe("version", version);
	}

	private static String safe(String kind, String value) {
		if (!SAFE.matcher(value).matches()) {
			throw new IllegalArgumentException(kind + " '" + value
					+ "' is not allowed: use letters, digits, '.', '_' or '-' (at most 128, not starting with a dot)");
		}
		return value;
	}

}
