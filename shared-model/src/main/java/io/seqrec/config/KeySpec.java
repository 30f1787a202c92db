package io.seqrec.config;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One documented key of the schema, read from its line in a shipped YAML file: <pre>
 * loss_type: 'CE'   # (str: CE|BPR) The type of loss function.
 * </pre>
 *
 * @param name the key, spelled as RecBole spells it ({@code n_layers},
 * {@code MAX_ITEM_LIST_LENGTH})
 * @param type the declared type
 * @param nullable whether the key may be null ({@code ?} after the type)
 * @param choices the canonical spelling of the allowed values ({@code str} and
 * {@code list of str} only), empty when any value is allowed
 * @param defaultValue the built-in default, already coerced to the type (immutable)
 * @param doc the meaning, as written after the type
 * @param source the file that declares the key, relative to the resource folder
 * ({@code overall.yaml}, {@code model/SASRec.yaml})
 * @param section the section of that file ({@code Training Settings})
 */
public record KeySpec(String name, ValueType type, boolean nullable, List<String> choices,
		@Nullable Object defaultValue, String doc, String source, String section) {

	/**
	 * Creates a key specification.
	 * @param name the key
	 * @param type the declared type
	 * @param nullable whether the key may be null
	 * @param choices the allowed values, empty for any
	 * @param defaultValue the default, coerced to the type
	 * @param doc the meaning
	 * @param source the declaring file
	 * @param section the section of that file
	 */
	public KeySpec {
		choices = List.copyOf(choices);
	}

	/**
	 * The type as the schema comment writes it, such as {@code str?: CE|BPR}.
	 * @return the type expression, without the parentheses
	 */
	public String typeExpression() {
		String base = this.type.label() + (this.nullable ? "?" : "");
		return this.choices.isEmpty() ? base : base + ": " + String.join("|", this.choices);
	}

	/**
	 * Whether this key restricts its values to a list of choices.
	 * @return {@code true} if {@link #choices()} is not empty
	 */
	public boolean hasChoices() {
		return !this.choices.isEmpty();
	}

}
