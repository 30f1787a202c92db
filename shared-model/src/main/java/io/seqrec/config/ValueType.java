package io.seqrec.config;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The value types of the schema grammar, as written in a key's {@code # (type)} comment.
 */
public enum ValueType {

	/**
	 * {@code int}: a 32- or 64-bit integer, stored as {@link Integer} or {@link Long}.
	 */
	INT("int", "an integer"),

	/** {@code float}: a number, stored as {@link Double}. */
	FLOAT("float", "a float"),

	/** {@code str}: a string. */
	STR("str", "a string"),

	/** {@code bool}: {@code True} or {@code False}. */
	BOOL("bool", "a boolean"),

	/** {@code list of int}: a list of integers. */
	INT_LIST("list of int", "a list of integers"),

	/** {@code list of float}: a list of numbers, stored as doubles. */
	FLOAT_LIST("list of float", "a list of floats"),

	/** {@code list of str}: a list of strings. */
	STR_LIST("list of str", "a list of strings"),

	/** {@code dict}: a mapping from string keys to plain values. */
	DICT("dict", "a dict");

	private final String label;

	private final String description;

	ValueType(String label, String description) {
		this.label = label;
		this.description = description;
	}

	/**
	 * The name of the type in the schema grammar, such as {@code list of int}.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

	/**
	 * The type as an error message names it, such as {@code an integer}.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * Whether a {@code : A|B|C} list of choices may follow the type.
	 * @return {@code true} for {@code str} and {@code list of str}
	 */
	public boolean allowsChoices() {
		return this == STR || this == STR_LIST;
	}

	/**
	 * Whether the type is one of the list types.
	 * @return {@code true} for the {@code list of} types
	 */
	public boolean isList() {
		return this == INT_LIST || this == FLOAT_LIST || this == STR_LIST;
	}

	/**
	 * The element type of a list type.
	 * @return the element type, or {@code null} if this is not a list type
	 */
	public @Nullable ValueType elementType() {
		return switch (this) {
			case INT_LIST -> INT;
			case FLOAT_LIST -> FLOAT;
			case STR_LIST -> STR;
			default -> null;
		};
	}

	/**
	 * Finds the type written in a schema comment.
	 * @param label the label, such as {@code list of str}
	 * @return the type, or {@code null} if the label is not part of the grammar
	 */
	public static @Nullable ValueType fromLabel(String label) {
		String normalized = label.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		for (ValueType type : values()) {
			if (type.label.equals(normalized)) {
				return type;
			}
		}
		return null;
	}

}
