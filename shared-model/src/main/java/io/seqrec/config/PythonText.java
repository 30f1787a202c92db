package io.seqrec.config;

import org.jspecify.annotations.Nullable;

/**
 * Python's text forms of the plain values a configuration holds, for output that must
 * read as RecBole's: {@link #str} ({@code print(x)}, strings bare) and {@link #repr}
 * (inside containers, strings quoted): {@code None}, {@code True}, {@code 0.001},
 * {@code 64.0}, {@code '[64,64]'}, {@code [64, 64]}, {@code {'a': 1}}.
 */
public final class PythonText {

	private PythonText() {
	}

	/**
	 * Python's {@code str(value)}.
	 * @param value a plain value
	 * @return the text
	 */
	public static String str(@Nullable Object value) {
		return Values.render(value);
	}

	/**
	 * Python's {@code repr(value)}.
	 * @param value a plain value
	 * @return the text
	 */
	public static String repr(@Nullable Object value) {
		return Values.repr(value);
	}

}
