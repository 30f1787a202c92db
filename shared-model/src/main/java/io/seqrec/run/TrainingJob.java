package io.seqrec.run;

import java.nio.file.Path;

import ai.djl.Device;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.InteractionTable;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelRegistry;
import io.seqrec.train.Devices;
import io.seqrec.train.TrainingListener;

/**
 * One training job, the same for the CLI, the trainer-service, tuning and the benchmarks:
 * configuration (checked by the model registry before any data is read), then the engine
 * settings ({@code cpu_threads}, {@code reproducibility}), the device ({@code use_gpu},
 * {@code gpu_id}), the data and the experiment.
 */
public final class TrainingJob {

	private final Config config;

	private final Device device;

	private TrainingJob(Config config, Device device) {
		this.config = config;
		this.device = device;
	}

	/**
	 * Loads and checks the configuration and prepares the engine and device.
	 * @param request the model, dataset and configuration layers
	 * @return the job
	 * @throws io.seqrec.config.ConfigException for an unknown or unimplemented model, an
	 * unknown key or an invalid value
	 */
	public static TrainingJob configure(ConfigRequest request) {
		return of(ModelRegistry.loadConfig(request));
	}

	/**
	 * A job for a configuration loaded through {@link ModelRegistry#loadConfig}.
	 * @param config the configuration
	 * @return the job
	 */
	public static TrainingJob of(Config config) {
		EngineSettings.apply(config);
		return new TrainingJob(config, Devices.select(config.getBoolean("use_gpu"), config.getInt("gpu_id")));
	}

	/**
	 * The configuration.
	 * @return the checked configuration
	 */
	public Config config() {
		return this.config;
	}

	/**
	 * Where the job trains.
	 * @return the device
	 */
	public Device device() {
		return this.device;
	}

	/**
	 * Reads and prepares {@code <dataPath>/<dataset>/<dataset>.inter}.
	 * @param dataPath the data directory
	 * @param dataset the dataset name
	 * @return the prepared dataset
	 */
	public SequentialDataset readDataset(Path dataPath, String dataset) {
		return prepare(Datasets.readAtomic(this.config, dataPath, dataset));
	}

	/**
	 * Filters, augments and splits interactions as configured.
	 * @param table the interactions
	 * @return the prepared dataset
	 */
	public SequentialDataset prepare(InteractionTable table) {
		return Datasets.prepare(this.config, table);
	}

	/**
	 * Builds, trains, validates and tests the configured model.
	 * @param data the prepared dataset
	 * @param listener progress callbacks
	 * @return the experiment (close it to free the model)
	 */
	public Experiment train(SequentialDataset data, TrainingListener listener) {
		return Experiment.run(this.config, data, this.device, listener);
	}

}
