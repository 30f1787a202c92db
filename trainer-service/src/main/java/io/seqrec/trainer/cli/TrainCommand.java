package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;
import picocli.CommandLine;

import io.seqrec.config.ConfigRequest;
import io.seqrec.data.SequentialDataset;
import io.seqrec.model.ModelNames;
import io.seqrec.report.HtmlReport;
import io.seqrec.report.RunReport;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.run.TrainingJob;
import io.seqrec.train.TrainingOutcome;

/**
 * {@code seqrec train}: RecBole's {@code run_recbole(model=..., dataset=...)}.
 */
@Command(name = "train", mixinStandardHelpOptions = true, description = {
		"Train a model on an atomic dataset and evaluate it (full ranking, leave-one-out).",
		"Any other argument --key=value overrides a configuration key, e.g. --epochs=20 --train_mode=all_positions." })
final class TrainCommand implements Callable<Integer> {

	@Option(names = { "-m", "--model" }, required = true, completionCandidates = ModelNames.class,
			description = "The model: one of ${COMPLETION-CANDIDATES}.")
	String model;

	@Option(names = { "-d", "--dataset" }, required = true,
			description = "Dataset name: reads <data-path>/<dataset>/<dataset>.inter.")
	String dataset;

	@Option(names = "--output", paramLabel = "DIR",
			description = "Write result.json and the model artifact (DIR/artifact) here.")
	@Nullable Path output;

	@Option(names = "--report", paramLabel = "FILE",
			description = "Write an HTML report: loss and every validation metric by epoch, best epoch, test result.")
	@Nullable Path report;

	@Mixin
	JobOptions job;

	@Unmatched
	List<String> overrides = new ArrayList<>();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/** How long Ctrl-C waits for the run to stop, be tested and written. */
	private static final Duration STOP_GRACE = Duration.ofMinutes(2);

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		TrainingJob job = TrainingJob.configure(new ConfigRequest(this.model, this.dataset, this.job.configFiles,
				Map.of(), JobOptions.overrides(this.overrides)));
		out.println(job.config());
		SequentialDataset data = job.readDataset(this.job.dataPath(job.config()), this.dataset);
		out.println(Datasets.describe(data, this.dataset));
		out.flush();
		ConsoleProgress progress = new ConsoleProgress(out, err, System.console() != null, this.job.showMemory);
		try (StopOnSignal listener = new StopOnSignal(progress, err, STOP_GRACE);
				Experiment experiment = job.train(data, listener)) {
			TrainingOutcome outcome = experiment.outcome();
			out.println("Finished training, best eval result in epoch " + outcome.bestEpoch());
			out.println("best valid : " + OrderedDicts.of(outcome.bestValid()));
			out.println("test result: " + OrderedDicts.of(outcome.test()));
			out.printf(java.util.Locale.ROOT, "%d epochs in %.1fs (%.2fs per epoch, best after %.1fs) on %s%n",
					outcome.epochsRun(), outcome.trainSeconds(), outcome.secondsPerEpoch(), outcome.secondsToBest(),
					outcome.device());
			if (this.report != null) {
				HtmlReport.write(this.report,
						RunReport
							.of(job.config().model(), this.dataset, job.config().getString("valid_metric"), outcome)
							.html());
				out.println("wrote " + this.report);
			}
			if (this.output != null) {
				experiment.writeResult(this.output.resolve("result.json"));
				experiment.writeArtifact(this.output.resolve("artifact"));
				out.println("wrote " + this.output.resolve("result.json") + " and " + this.output.resolve("artifact"));
			}
		}
		out.flush();
		return 0;
	}

}
