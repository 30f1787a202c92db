package io.seqrec.data;

import java.util.Arrays;
import java.util.Optional;

/**
 * Column types of a RecBole atomic-file header ({@code name:type}).
 */
public enum FieldType {

	/** A single categorical value. */
	TOKEN("token"),

	/** A single real value. */
	FLOAT("float"),

	/** A space-separated list of categorical values. */
	TOKEN_SEQ("token_seq"),

	/** A space-separated list of real values. */
	FLOAT_SEQ("float_seq");

	private final String headerName;

	FieldType(String headerName) {
		this.headerName = headerName;
	}

	/**
	 * Returns the type as spelled in a header.
	 * @return {@code token}, {@code float}, {@code token_seq} or {@code float_seq}
	 */
	public String headerName() {
		return this.headerName;
	}

	/**
	 * Looks a type up by its header spelling (case-sensitive, as RecBole).
	 * @param headerName the text after the colon
	 * @return the type, or empty if unknown
	 */
	public static Optional<FieldType> fromHeader(String headerName) {
		return Arrays.stream(values()).filter((type) -> type.headerName.equals(headerName)).findFirst();
	}

}
