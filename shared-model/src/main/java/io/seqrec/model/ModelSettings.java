package io.seqrec.model;

import java.util.Map;

/**
 * The hyper-parameters of one model, bound and validated from its configuration: a record
 * per model ({@code SASRecSettings}, ...). Written into artifacts under their RecBole
 * keys so that a saved model is rebuilt from what it was trained with.
 */
public interface ModelSettings {

	/** Settings of a model without hyper-parameters ({@code Pop}). */
	ModelSettings NONE = Map::of;

	/**
	 * The settings under their RecBole keys, in documentation order.
	 * @return an ordered map of JSON-able values
	 */
	Map<String, Object> toMap();

	/**
	 * A float setting as the decimal it was written as ({@code 0.02f} becomes
	 * {@code 0.02}, not {@code 0.019999999552965164}), for artifacts and result files.
	 * @param value the float value
	 * @return the shortest double that reads back as the same float
	 */
	static double decimal(float value) {
		return Double.parseDouble(Float.toString(value));
	}

	/**
	 * Whether training draws one uniform negative per target from
	 * {@code train_neg_sample_args} (BPR with negatives from the loader, as RecBole).
	 * @return true if the loss needs sampled negatives
	 */
	default boolean needsSampledNegatives() {
		return false;
	}

}
