package io.seqrec.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Builds the messages for keys a model does not know: the model that owns the key, a
 * close match by edit distance, or a note that RecBole has the key but seqrec does not.
 */
public final class UnknownKeys {

	/**
	 * Keys of RecBole's overall.yaml and dataset/sample.yaml that seqrec does not read.
	 */
	private static final Set<String> RECBOLE_ONLY = Set.of("worker", "state", "checkpoint_dir", "show_progress",
			"save_dataset", "dataset_save_path", "save_dataloaders", "dataloaders_save_path", "log_wandb",
			"wandb_project", "loss_decimal_place", "require_pow", "enable_amp", "enable_scaler", "valid_metric_bigger",
			"seq_separator", "RATING_FIELD", "seq_len", "LABEL_FIELD", "threshold", "NEG_PREFIX", "numerical_features",
			"unload_col", "unused_col", "additional_feat_suffix", "filter_inter_by_user_or_item", "alias_of_user_id",
			"alias_of_item_id", "preload_weight", "normalize_field", "normalize_all", "discretization",
			"ITEM_LIST_LENGTH_FIELD", "LIST_SUFFIX", "POSITION_FIELD", "benchmark_filename");

	private UnknownKeys() {
	}

	/**
	 * The message for a key that the model's schema does not declare.
	 * @param schema the model's schema
	 * @param key the unknown key
	 * @return one line, such as
	 * {@code unknown key 'hiden_size' for SASRec (did you mean 'hidden_size'?)}
	 */
	static String message(ConfigSchema schema, String key) {
		String model = schema.model();
		List<String> owners = new ArrayList<>();
		for (String other : ConfigSchema.MODEL_FILES) {
			if (!other.equals(model) && ConfigSchema.forModel(other).declaresInModelFile(key)) {
				owners.add(other);
			}
		}
		if (!owners.isEmpty()) {
			return "'" + key + "' is a " + String.join("/", owners) + " setting, not a " + model + " one";
		}
		String prefix = "unknown key '" + key + "' for " + model;
		if (RECBOLE_ONLY.contains(key)) {
			return prefix + " (a RecBole setting that seqrec does not support)";
		}
		List<String> names = schema.keys().stream().map(KeySpec::name).toList();
		String suggestion = closest(key, names);
		return (suggestion != null) ? prefix + " (did you mean '" + suggestion + "'?)" : prefix;
	}

	/**
	 * The candidate closest to a misspelled name: an exact match ignoring case, else the
	 * smallest edit distance within a limit that grows with the name's length.
	 * @param name the misspelled name
	 * @param candidates the valid names
	 * @return the suggestion, or {@code null} if nothing is close
	 */
	public static @Nullable String closest(String name, Collection<String> candidates) {
		String lower = name.toLowerCase(Locale.ROOT);
		int limit = (lower.length() <= 4) ? 1 : (lower.length() <= 8) ? 2 : 3;
		String best = null;
		int bestDistance = limit + 1;
		for (String candidate : candidates) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	/**
	 * Levenshtein distance: insertions, deletions and substitutions of one character.
	 * @param a one string
	 * @param b another string
	 * @return the number of edits from {@code a} to {@code b}
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
