package io.seqrec.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.config.ConfigException;
import io.seqrec.config.PythonText;

/**
 * The files a search writes: RecBole's {@code export_result} file and {@code tune.json}.
 */
public final class TuneResults {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private TuneResults() {
	}

	/**
	 * RecBole's {@code params2str}: {@code name:value} pairs in the trial's
	 * (alphabetical) order, values as Python's {@code str}, joined by {@code ", "}.
	 * @param params the settings
	 * @return the text
	 */
	public static String paramsString(Map<String, @Nullable Object> params) {
		return params.entrySet()
			.stream()
			.map((e) -> e.getKey() + ":" + PythonText.str(e.getValue()))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The settings as Python prints a dict: {@code {'learning_rate': 0.001, 'n_layers':
	 * 2}}.
	 * @param params the settings
	 * @return the text
	 */
	public static String pythonDict(Map<String, @Nullable Object> params) {
		return PythonText.repr(new LinkedHashMap<>(params));
	}

	/**
	 * RecBole's {@code dict2str}: {@code key : value} joined by four spaces.
	 * @param result metric values in order
	 * @return the text
	 */
	public static String dictString(Map<String, Double> result) {
		return result.entrySet()
			.stream()
			.map((e) -> e.getKey() + " : " + PythonText.str(e.getValue()))
			.collect(Collectors.joining("    "));
	}

	/**
	 * The content of RecBole's output file ({@code HyperTuning.export_result}): per
	 * trial, the parameters line, {@code Valid result:} and its values,
	 * {@code Test result:} and its values, and a blank line. As in RecBole, trials with
	 * the same parameters line share one entry (the latest results, at the first one's
	 * place); failed trials, which have no results, are left out.
	 * @param trials the trials in order
	 * @return the text
	 */
	public static String export(List<TrialResult> trials) {
		Map<String, TrialResult> byParams = new LinkedHashMap<>();
		for (TrialResult trial : trials) {
			if (trial.status() != TrialStatus.FAILED) {
				byParams.put(paramsString(trial.params()), trial);
			}
		}
		StringBuilder text = new StringBuilder();
		byParams.forEach((params, trial) -> text.append(params)
			.append('\n')
			.append("Valid result:\n")
			.append(dictString(trial.bestValid()))
			.append('\n')
			.append("Test result:\n")
			.append(dictString(trial.test()))
			.append("\n\n"));
		return text.toString();
	}

	/**
	 * The content of {@code tune.json}.
	 * @param summary the search
	 * @return an ordered, JSON-able map
	 */
	public static Map<String, Object> json(SearchSummary summary) {
		TuneOutcome outcome = summary.outcome();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("model", summary.model());
		json.put("dataset", summary.dataset());
		json.put("valid_metric", summary.validMetric());
		json.put("algo", summary.settings().algorithm());
		json.put("scheduler", summary.settings().scheduler());
		json.put("parallel", summary.settings().parallel());
		json.put("threads_per_trial", summary.threadsPerTrial());
		json.put("search_seed", summary.settings().seed());
		json.put("planned_trials", outcome.planned());
		json.put("early_stopped", outcome.earlyStopped());
		json.put("interrupted", outcome.interrupted());
		json.put("discarded_trials", outcome.discarded());
		json.put("seconds", round(outcome.seconds()));
		json.put("space", summary.space().dimensions().stream().map(TuneResults::dimension).toList());
		json.put("best_trial", (outcome.best() != null) ? outcome.best().number() : null);
		json.put("trials", outcome.trials().stream().map(TuneResults::trial).toList());
		return json;
	}

	private static Map<String, Object> dimension(Dimension dimension) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", dimension.name());
		if (dimension instanceof Dimension.Choice choice) {
			json.put("type", "choice");
			json.put("values", choice.values());
		}
		else if (dimension instanceof Dimension.Uniform uniform) {
			json.put("type", "uniform");
			json.put("low", uniform.low());
			json.put("high", uniform.high());
		}
		else if (dimension instanceof Dimension.QUniform quniform) {
			json.put("type", "quniform");
			json.put("low", quniform.low());
			json.put("high", quniform.high());
			json.put("q", quniform.q());
		}
		else if (dimension instanceof Dimension.LogUniform log) {
			json.put("type", "loguniform");
			json.put("low", log.low());
			json.put("high", log.high());
		}
		return json;
	}

	private static Map<String, Object> trial(TrialResult trial) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("number", trial.number());
		json.put("params", trial.params());
		json.put("status", trial.status().label());
		json.put("best_valid_score", trial.score());
		json.put("best_valid", trial.bestValid());
		json.put("test", trial.test());
		json.put("best_epoch", trial.bestEpoch());
		json.put("epochs", trial.epochs());
		json.put("seconds", round(trial.seconds()));
		if (trial.error() != null) {
			json.put("error", trial.error());
		}
		json.put("curve", trial.curve().stream().map(TuneResults::epoch).toList());
		return json;
	}

	private static Map<String, Object> epoch(EpochPoint point) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("epoch", point.epoch());
		json.put("train_loss", round(point.trainLoss()));
		if (point.valid() != null) {
			json.put("valid", point.valid());
		}
		return json;
	}

	private static double round(double value) {
		return Math.round(value * 1e4) / 1e4;
	}

	/**
	 * Writes a text file, creating its directory.
	 * @param file the file
	 * @param content the text
	 */
	public static void writeText(Path file, String content) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new ConfigException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes {@code tune.json}.
	 * @param file the file
	 * @param summary the search
	 */
	public static void writeJson(Path file, SearchSummary summary) {
		try {
			writeText(file, JSON.writeValueAsString(json(summary)) + "\n");
		}
		catch (JacksonException ex) {
			throw new ConfigException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
