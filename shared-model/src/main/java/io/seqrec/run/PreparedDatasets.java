package io.seqrec.run;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import io.seqrec.config.Config;
import io.seqrec.data.AtomicFileReader;
import io.seqrec.data.AtomicReadOptions;
import io.seqrec.data.FilterOptions;
import io.seqrec.data.SequentialDataset;

/**
 * Prepared datasets shared by the jobs of one process (the trials of a search): a job
 * whose data settings (file, separator, columns, filters, sequence length) match an
 * earlier job's gets the same immutable dataset instead of reading and splitting the file
 * again. Settings that only shape training share one dataset; RecBole prepares the data
 * anew for every trial, with the same result.
 */
public final class PreparedDatasets {

	private final ConcurrentMap<Key, SequentialDataset> datasets = new ConcurrentHashMap<>();

	/**
	 * The prepared dataset of a job.
	 * @param job the job
	 * @param dataPath the data directory
	 * @param dataset the dataset name
	 * @return the dataset, prepared once per distinct data settings
	 */
	public SequentialDataset get(TrainingJob job, Path dataPath, String dataset) {
		Config config = job.config();
		Key key = new Key(AtomicFileReader.interFile(dataPath, dataset).toAbsolutePath().normalize(),
				config.getString("field_separator"), Datasets.readOptions(config), Datasets.filterOptions(config),
				config.getInt("MAX_ITEM_LIST_LENGTH"));
		return this.datasets.computeIfAbsent(key, (k) -> job.readDataset(dataPath, dataset));
	}

	private record Key(Path file, String separator, AtomicReadOptions read, FilterOptions filters, int maxLength) {

	}

}
