package io.seqrec.launcher;

import java.util.Map;

/**
 * Training settings for the local platform's planted data: SASRec with one small layer,
 * little dropout, {@code all_positions} samples and a fixed number of epochs learns a
 * {@link io.seqrec.data.PlantedSequences} rule over about a hundred items in seconds on a
 * CPU. The freshness benchmark and the end-to-end test train with them.
 */
public final class QuickTraining {

	private QuickTraining() {
	}

	/**
	 * The trainer's configuration keys.
	 * @param maxLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return RecBole keys and values
	 */
	public static Map<String, String> sasrec(int maxLength) {
		return Map.ofEntries(Map.entry("train_mode", "all_positions"), Map.entry("epochs", "30"),
				Map.entry("stopping_step", "100"), Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"),
				Map.entry("n_layers", "1"), Map.entry("hidden_dropout_prob", "0.1"),
				Map.entry("attn_dropout_prob", "0.1"), Map.entry("MAX_ITEM_LIST_LENGTH", Integer.toString(maxLength)),
				Map.entry("train_batch_size", "64"), Map.entry("learning_rate", "0.01"));
	}

}
