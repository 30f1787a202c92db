package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import ch.qos.logback.classic.Level;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.config.PythonText;
import io.seqrec.data.SequentialDataset;
import io.seqrec.eval.RankingResult;
import io.seqrec.model.ModelNames;
import io.seqrec.report.HtmlReport;
import io.seqrec.report.TuneReport;
import io.seqrec.run.Datasets;
import io.seqrec.run.TrainingJob;
import io.seqrec.tune.ParamsFile;
import io.seqrec.tune.SearchSpace;
import io.seqrec.tune.SearchSummary;
import io.seqrec.tune.SuccessiveHalving;
import io.seqrec.tune.TrainingTrials;
import io.seqrec.tune.TrialResult;
import io.seqrec.tune.TrialStatus;
import io.seqrec.tune.TuneOutcome;
import io.seqrec.tune.TuneResults;
import io.seqrec.tune.TuneSettings;
import io.seqrec.tune.Tuner;

/**
 * {@code seqrec tune}: RecBole's {@code run_hyper.py} (see MODELS.md 1.8), with trials in
 * parallel, early termination and a report.
 */
@Command(name = "tune", mixinStandardHelpOptions = true,
		description = { "Search hyper-parameters from a RecBole hyper.test file, as run_hyper.py does.",
				"Any other argument --key=value fixes a setting for every trial, e.g. --train_mode=all_positions." })
final class TuneCommand implements Callable<Integer> {

	@Option(names = { "-m", "--model" }, required = true, completionCandidates = ModelNames.class,
			description = "The model: one of ${COMPLETION-CANDIDATES}.")
	String model;

	@Option(names = { "-d", "--dataset" }, required = true,
			description = "Dataset name: reads <data-path>/<dataset>/<dataset>.inter.")
	String dataset;

	@Option(names = { "--params-file", "--params_file" }, required = true, paramLabel = "FILE",
			description = "The search space: one 'name type value' per line (choice, uniform, quniform, loguniform).")
	Path paramsFile;

	@Option(names = { "--output-file", "--output_file" }, paramLabel = "FILE", defaultValue = "hyper_example.result",
			description = "RecBole's result file: parameters, valid and test result of every trial "
					+ "(default: ${DEFAULT-VALUE}).")
	Path outputFile;

	@Option(names = "--json-file", paramLabel = "FILE",
			description = "Every trial as JSON (default: tune.json beside the output file).")
	@Nullable Path jsonFile;

	@Option(names = { "--display-file", "--display_file" }, paramLabel = "FILE",
			description = "Write an HTML report (learning curves, metric against each parameter, trial table).")
	@Nullable Path displayFile;

	@Option(names = "--algo", defaultValue = "exhaustive",
			description = "exhaustive (the grid in random order), random or bayes (TPE) (default: ${DEFAULT-VALUE}).")
	String algo;

	@Option(names = { "--max-evals", "--max_evals" }, defaultValue = "100",
			description = "Trials for random and bayes; exhaustive runs the whole grid (default: ${DEFAULT-VALUE}).")
	int maxEvals;

	@Option(names = { "--early-stop", "--early_stop" }, defaultValue = "10",
			description = "Stop after this many trials without improvement (default: ${DEFAULT-VALUE}).")
	int earlyStop;

	@Option(names = "--parallel", defaultValue = "1",
			description = "Trials at once; each gets cores / N intra-op threads (default: ${DEFAULT-VALUE}).")
	int parallel;

	@Option(names = "--scheduler", defaultValue = "none",
			description = "none, or asha: stop trials below the top third at epochs min, 3 min, 9 min... "
					+ "(default: ${DEFAULT-VALUE}).")
	String scheduler;

	@Option(names = "--min-epochs", defaultValue = "1",
			description = "The first rung of asha, in epochs (default: ${DEFAULT-VALUE}).")
	int minEpochs;

	@Option(names = "--search-seed", description = "The seed of the search's draws (default: the seed setting).")
	@Nullable Long searchSeed;

	@Mixin
	JobOptions job;

	@Unmatched
	List<String> overrides = new ArrayList<>();

	@CommandLine.Spec
	CommandLine.Model.CommandSpec spec;

	/**
	 * How long Ctrl-C waits for the running trials to stop and the results to be written.
	 */
	private static final Duration STOP_GRACE = Duration.ofMinutes(2);

	@Override
	public Integer call() throws InterruptedException {
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		ConfigRequest base = new ConfigRequest(this.model, this.dataset, this.job.configFiles, Map.of(),
				JobOptions.overrides(this.overrides));
		Config config = TrainingJob.configure(base).config();
		SearchSpace space = ParamsFile.read(this.paramsFile, (warning) -> {
			err.println("warning: " + warning);
			err.flush();
		});
		int cores = (config.getInt("cpu_threads") > 0) ? config.getInt("cpu_threads")
				: Runtime.getRuntime().availableProcessors();
		TrainingTrials trials = new TrainingTrials(base, this.job.dataPath(config), PyTorchThreads.setter(), cores);
		trials.check(space, this.paramsFile.toString());
		TuneSettings settings = new TuneSettings(this.algo, this.maxEvals, this.earlyStop, this.parallel,
				this.scheduler, this.minEpochs, config.getInt("epochs"),
				(this.searchSeed != null) ? this.searchSeed : config.getLong("seed"));
		Tuner tuner = new Tuner(space, settings);
		quietTrainingLogs();
		SequentialDataset data = trials.readDataset();
		int planned = settings.plannedTrials(space);
		out.println(Datasets.describe(data, this.dataset));
		out.printf(Locale.ROOT, "tune %s: %s search of %d trials over %s; %d at once, %d intra-op thread%s each%s%n",
				config.model(), settings.algorithm(), planned, String.join(", ", space.names()), settings.parallel(),
				Math.max(1, cores / settings.parallel()), (cores / settings.parallel() > 1) ? "s" : "",
				settings.scheduler().equals("asha") ? "; asha at epochs " + tunerRungs(settings) : "");
		out.flush();
		try (SignalStop signal = new SignalStop(tuner::stop,
				"stopping: no trial starts any more, running trials stop after their current batch, "
						+ "and the trials recorded so far are written",
				err, STOP_GRACE)) {
			TuneOutcome outcome;
			try (TuneConsole console = new TuneConsole(out, err, System.console() != null, planned,
					config.getString("valid_metric"))) {
				outcome = tuner.run(trials, console);
			}
			SearchSummary summary = new SearchSummary(config.model(), this.dataset, config.getString("valid_metric"),
					settings, space, outcome, trials.threadsPerTrial());
			return finish(summary, out, err);
		}
	}

	private static String tunerRungs(TuneSettings settings) {
		return new SuccessiveHalving(settings.minEpochs(), settings.maxEpochs()).rungs().toString();
	}

	private int finish(SearchSummary summary, PrintWriter out, PrintWriter err) {
		TuneOutcome outcome = summary.outcome();
		TuneResults.writeText(this.outputFile, TuneResults.export(outcome.trials()));
		Path json = (this.jsonFile != null) ? this.jsonFile : this.outputFile.resolveSibling("tune.json");
		TuneResults.writeJson(json, summary);
		List<String> written = new ArrayList<>(List.of(this.outputFile.toString(), json.toString()));
		if (this.displayFile != null) {
			HtmlReport.write(this.displayFile, TuneReport.html(summary));
			written.add(this.displayFile.toString());
		}
		TrialResult best = outcome.best();
		long stopped = outcome.trials().stream().filter((t) -> t.status() == TrialStatus.STOPPED).count();
		long failed = outcome.trials().stream().filter((t) -> t.status() == TrialStatus.FAILED).count();
		if (best != null) {
			out.println("best params:  " + TuneResults.pythonDict(best.params()));
			out.println("best result: ");
			out.println(bestResult(summary.model(), best));
		}
		out.printf(Locale.ROOT, "%d trials (%d stopped by asha, %d failed)%s in %s%s; wrote %s%n",
				outcome.trials().size(), stopped, failed,
				outcome.earlyStopped() ? ", early stop" : outcome.interrupted() ? ", stopped by a signal" : "",
				TuneConsole.duration(outcome.seconds()),
				(outcome.discarded() == 0) ? "" : " (" + outcome.discarded()
						+ (outcome.interrupted() ? " trials unrecorded at the stop" : " trials past the early stop")
						+ " dropped)",
				String.join(", ", written));
		out.flush();
		if (best == null) {
			err.println("error: every trial failed; trial 1: " + outcome.trials().get(0).error());
			err.flush();
			return 1;
		}
		return 0;
	}

	/**
	 * RecBole's stored result dict of the best trial, as {@code run_hyper.py} prints it.
	 */
	private static String bestResult(String model, TrialResult best) {
		Map<String, String> entries = new LinkedHashMap<>();
		entries.put("model", PythonText.repr(model));
		entries.put("best_valid_score", PythonText.repr(best.score()));
		entries.put("valid_score_bigger", "True");
		entries.put("best_valid_result", OrderedDicts.of(new RankingResult(best.bestValid())));
		entries.put("test_result", OrderedDicts.of(new RankingResult(best.test())));
		StringBuilder text = new StringBuilder("{");
		entries.forEach((key, value) -> text.append((text.length() > 1) ? ", " : "")
			.append('\'')
			.append(key)
			.append("': ")
			.append(value));
		return text.append('}').toString();
	}

	/** Trials train quietly: their per-run log lines would drown the search's. */
	private static void quietTrainingLogs() {
		if (LoggerFactory.getLogger("io.seqrec") instanceof ch.qos.logback.classic.Logger logger) {
			logger.setLevel(Level.WARN);
		}
	}

}
