package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import ai.djl.Device;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.SequentialDataset;
import io.seqrec.run.ArtifactEvaluation;
import io.seqrec.run.Datasets;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.TrainingOptions;

/**
 * {@code seqrec evaluate}: re-scores a saved model artifact on a dataset.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
		description = { "Re-score a model artifact on a dataset with the full-ranking protocol.",
				"Data settings default to the artifact's; --key=value overrides them (e.g. --topk=[5,10,20])." })
final class EvaluateCommand implements Callable<Integer> {

	@Option(names = "--artifact", required = true, paramLabel = "DIR",
			description = "The artifact directory (or a train --output directory holding artifact/).")
	Path artifact;

	@Option(names = { "-d", "--dataset" }, description = "Dataset name (default: the one the model was trained on).")
	@Nullable String dataset;

	@Mixin
	JobOptions job;

	@Unmatched
	List<String> overrides = new ArrayList<>();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		Path directory = this.artifact;
		if (!Files.exists(directory.resolve(Manifest.FILE_NAME)) && Files.exists(directory.resolve("artifact"))) {
			directory = directory.resolve("artifact");
		}
		try (ModelArtifact loaded = ModelArtifact.load(directory, Device.cpu())) {
			String name = (this.dataset != null) ? this.dataset : loaded.datasetName();
			if (name == null) {
				throw new IllegalArgumentException("the artifact does not name its dataset; pass --dataset");
			}
			TrainingJob job = TrainingJob.configure(new ConfigRequest(loaded.modelName(), name, this.job.configFiles,
					loaded.knownTrainedSettings(), JobOptions.overrides(this.overrides)));
			Config config = job.config();
			SequentialDataset data = job.readDataset(this.job.dataPath(config), name);
			out.println(Datasets.describe(data, name));
			ArtifactEvaluation.Scores scores = ArtifactEvaluation.evaluate(loaded, data,
					TrainingOptions.fromConfig(config));
			if (scores.skippedRows() > 0) {
				out.println(
						"skipped " + scores.skippedRows() + " evaluation rows whose target the model does not know");
			}
			if (scores.valid() != null) {
				out.println("valid result: " + OrderedDicts.of(scores.valid()));
			}
			out.println("test result: " + OrderedDicts.of(scores.test()));
		}
		out.flush();
		return 0;
	}

}
