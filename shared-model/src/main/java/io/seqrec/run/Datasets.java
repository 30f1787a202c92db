package io.seqrec.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.config.Config;
import io.seqrec.data.AtomicFileReader;
import io.seqrec.data.AtomicReadOptions;
import io.seqrec.data.DataException;
import io.seqrec.data.FilterOptions;
import io.seqrec.data.InteractionFilters;
import io.seqrec.data.InteractionTable;
import io.seqrec.data.MovieLens100k;
import io.seqrec.data.SequentialDataset;
import io.seqrec.data.SequentialDatasetBuilder;

/**
 * The data side of a job, driven by configuration: where the atomic file is, which
 * columns to load, which filters to apply, and the sequence length.
 */
public final class Datasets {

	private static final Logger logger = LoggerFactory.getLogger(Datasets.class);

	private Datasets() {
	}

	/**
	 * Reads {@code <dataPath>/<dataset>/<dataset>.inter}. For {@code ml-100k}, a missing
	 * file is downloaded from GroupLens and converted, as RecBole does.
	 * @param config the configuration ({@code USER_ID_FIELD}, {@code ITEM_ID_FIELD},
	 * {@code TIME_FIELD}, {@code load_col}, {@code field_separator})
	 * @param dataPath the data directory
	 * @param dataset the dataset name
	 * @return the interactions in file order
	 */
	public static InteractionTable readAtomic(Config config, Path dataPath, String dataset) {
		Path file = AtomicFileReader.interFile(dataPath, dataset);
		if (!Files.exists(file) && MovieLens100k.DATASET.equals(dataset)) {
			file = MovieLens100k.ensure(dataPath);
		}
		return new AtomicFileReader(config.getString("field_separator")).read(file, readOptions(config));
	}

	static AtomicReadOptions readOptions(Config config) {
		List<String> loadColumns = null;
		if (!config.isNull("load_col")) {
			Object inter = config.getMap("load_col").get("inter");
			if (inter instanceof List<?> list) {
				loadColumns = list.stream().map(String::valueOf).toList();
			}
		}
		return new AtomicReadOptions(config.getString("USER_ID_FIELD"), config.getString("ITEM_ID_FIELD"),
				config.getString("TIME_FIELD"), loadColumns);
	}

	/**
	 * Filters interactions and builds the augmented, split dataset.
	 * @param config the configuration ({@code rm_dup_inter}, {@code val_interval},
	 * {@code user_inter_num_interval}, {@code item_inter_num_interval},
	 * {@code MAX_ITEM_LIST_LENGTH})
	 * @param table the raw interactions
	 * @return the dataset
	 * @throws DataException if nothing usable is left
	 */
	public static SequentialDataset prepare(Config config, InteractionTable table) {
		InteractionTable filtered = InteractionFilters.apply(table, filterOptions(config));
		if (filtered.size() < table.size()) {
			logger.info("filters kept {} of {} interactions", filtered.size(), table.size());
		}
		return SequentialDatasetBuilder.build(filtered, config.getInt("MAX_ITEM_LIST_LENGTH"));
	}

	static FilterOptions filterOptions(Config config) {
		Map<String, String> valInterval = new LinkedHashMap<>();
		if (!config.isNull("val_interval")) {
			config.getMap("val_interval")
				.forEach((column, interval) -> valInterval.put(column, String.valueOf(interval)));
		}
		return new FilterOptions(config.getOptionalString("rm_dup_inter"), valInterval,
				interval(config, "user_inter_num_interval"), interval(config, "item_inter_num_interval"));
	}

	private static String interval(Config config, String key) {
		String interval = config.getOptionalString(key);
		return (interval != null) ? interval : "[0,inf)";
	}

	/**
	 * Interaction count of every item over all users' full sequences, for popularity
	 * fallback.
	 * @param dataset the dataset
	 * @return counts indexed by internal item id
	 */
	public static long[] popularity(SequentialDataset dataset) {
		long[] counts = new long[dataset.numItems()];
		var sequences = dataset.sequences();
		for (int user = 0; user < sequences.size(); user++) {
			for (int position = 0; position < sequences.length(user); position++) {
				counts[sequences.item(user, position)]++;
			}
		}
		return counts;
	}

	/**
	 * A short description for logs: users, items, interactions and split sizes.
	 * @param dataset the dataset
	 * @param name the dataset's name, or null
	 * @return one line
	 */
	public static String describe(SequentialDataset dataset, @Nullable String name) {
		return String.format(java.util.Locale.ROOT,
				"%s: %d users, %d items, %d interactions; train %d, valid %d, test %d samples",
				(name != null) ? name : "dataset", dataset.users().size() - 1, dataset.items().size() - 1,
				dataset.sequences().interactionCount(), dataset.train().size(), dataset.valid().size(),
				dataset.test().size());
	}

}
