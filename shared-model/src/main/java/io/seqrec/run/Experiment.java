package io.seqrec.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.Device;
import ai.djl.Model;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.config.Config;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelContext;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.SequentialRecommender;
import io.seqrec.nn.EngineRandom;
import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;
import io.seqrec.train.TrainingLoop;
import io.seqrec.train.TrainingOptions;
import io.seqrec.train.TrainingOutcome;

/**
 * A trained model with its configuration, data and outcome: RecBole's
 * {@code run_recbole}. Closing it releases the model's native memory.
 */
public final class Experiment implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Config config;

	private final SequentialDataset dataset;

	private final Model djlModel;

	private final TrainingOutcome outcome;

	private Experiment(Config config, SequentialDataset dataset, Model djlModel, TrainingOutcome outcome) {
		this.config = config;
		this.dataset = dataset;
		this.djlModel = djlModel;
		this.outcome = outcome;
	}

	/**
	 * Builds the configured model and trains, validates and tests it.
	 * @param config the validated configuration
	 * @param dataset the prepared dataset
	 * @param device where to train
	 * @param listener progress callbacks
	 * @return the experiment, holding the best checkpoint
	 */
	public static Experiment run(Config config, SequentialDataset dataset, Device device, TrainingListener listener) {
		TrainingOptions options = TrainingOptions.fromConfig(config);
		// RecBole seeds again right before building the model
		SequentialRecommender model = EngineRandom.seeded(options.seed(), () -> ModelRegistry.create(config,
				new ModelContext(dataset.numItems(), dataset.maxItemListLength(), dataset.train())));
		Model djlModel = Model.newInstance(model.modelName(), device);
		try {
			djlModel.setBlock(model);
			TrainingOutcome outcome = new TrainingLoop(options, device).fit(djlModel, dataset, listener);
			return new Experiment(config, dataset, djlModel, outcome);
		}
		catch (RuntimeException ex) {
			djlModel.close();
			throw ex;
		}
	}

	/**
	 * The configuration of the run.
	 * @return the configuration
	 */
	public Config config() {
		return this.config;
	}

	/**
	 * The dataset trained on.
	 * @return the dataset
	 */
	public SequentialDataset dataset() {
		return this.dataset;
	}

	/**
	 * The training outcome.
	 * @return the outcome
	 */
	public TrainingOutcome outcome() {
		return this.outcome;
	}

	/**
	 * The trained model (best checkpoint).
	 * @return the model
	 */
	public SequentialRecommender model() {
		return (SequentialRecommender) this.djlModel.getBlock();
	}

	/**
	 * The content of {@code result.json}: model, full config, best valid and test
	 * results, best epoch, epochs run, timings, device and the per-epoch history.
	 * @return an ordered, JSON-able map
	 */
	public Map<String, Object> result() {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("model", model().modelName());
		result.put("dataset", this.config.dataset());
		result.put("config", this.config.asMap());
		result.put("best_valid", this.outcome.bestValid().values());
		result.put("test", this.outcome.test().values());
		result.put("best_epoch", this.outcome.bestEpoch());
		result.put("epochs_run", this.outcome.epochsRun());
		result.put("train_seconds", round(this.outcome.trainSeconds()));
		result.put("seconds_to_best", round(this.outcome.secondsToBest()));
		result.put("seconds_per_epoch", round(this.outcome.secondsPerEpoch()));
		result.put("device", this.outcome.device());
		result.put("trainable_parameters", model().trainableParameterCount());
		result.put("data",
				Map.of("users", this.dataset.users().size() - 1, "items", this.dataset.items().size() - 1,
						"interactions", this.dataset.sequences().interactionCount(), "train_samples",
						this.dataset.train().size(), "valid_samples", this.dataset.valid().size(), "test_samples",
						this.dataset.test().size()));
		result.put("history", this.outcome.history().stream().map(Experiment::epoch).toList());
		return result;
	}

	private static Map<String, Object> epoch(EpochReport report) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("epoch", report.epoch());
		map.put("train_loss", round(report.trainLoss()));
		map.put("train_seconds", round(report.trainSeconds()));
		if (report.valid() != null) {
			map.put("valid", report.valid().values());
			map.put("eval_seconds", round(report.evalSeconds()));
		}
		return map;
	}

	private static double round(double value) {
		return Math.round(value * 1e4) / 1e4;
	}

	/**
	 * Writes {@code result.json}.
	 * @param file the file to write
	 */
	public void writeResult(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			JSON.writeValue(file.toFile(), result());
		}
		catch (IOException | JacksonException ex) {
			throw new ArtifactException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes the model artifact (parameters, config, vocabulary, popularity, metrics,
	 * manifest).
	 * @param directory the artifact directory to create
	 * @return the manifest
	 */
	public Manifest writeArtifact(Path directory) {
		Map<String, Object> metrics = new LinkedHashMap<>();
		metrics.put("best_valid", this.outcome.bestValid().values());
		metrics.put("test", this.outcome.test().values());
		metrics.put("best_epoch", this.outcome.bestEpoch());
		metrics.put("epochs_run", this.outcome.epochsRun());
		metrics.put("train_seconds", round(this.outcome.trainSeconds()));
		metrics.put("device", this.outcome.device());
		return ModelArtifact.write(directory, this.djlModel, this.config, this.dataset.items(),
				Datasets.popularity(this.dataset), metrics);
	}

	@Override
	public void close() {
		this.djlModel.close();
	}

}
