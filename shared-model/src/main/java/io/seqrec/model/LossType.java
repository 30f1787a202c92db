package io.seqrec.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The {@code loss_type} of a model.
 */
public enum LossType {

	/**
	 * Cross-entropy over all {@code n_items} rows (padding included in the normaliser).
	 */
	CE,
	/** Bayesian personalised ranking against one uniformly sampled negative. */
	BPR,
	/**
	 * Negative log-likelihood (SINE only: CE plus the prototype covariance regulariser).
	 */
	NLL;

	/**
	 * Parses a configured value, case-insensitively.
	 * @param value the configured value
	 * @param allowed the choices the model supports
	 * @return the loss type
	 * @throws IllegalArgumentException naming the allowed choices
	 */
	public static LossType parse(String value, LossType... allowed) {
		for (LossType type : allowed) {
			if (type.name().equalsIgnoreCase(value.trim())) {
				return type;
			}
		}
		throw new IllegalArgumentException("loss_type '" + value + "' is not supported; valid choices: "
				+ Arrays.stream(allowed)
					.map((t) -> t.name().toUpperCase(Locale.ROOT))
					.collect(Collectors.joining(", ")));
	}

}
