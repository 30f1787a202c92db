package io.seqrec.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.seqrec.config.PythonText;
import io.seqrec.tune.Dimension;
import io.seqrec.tune.EpochPoint;
import io.seqrec.tune.SearchSummary;
import io.seqrec.tune.TrialResult;
import io.seqrec.tune.TuneOutcome;

/**
 * The report of a search ({@code seqrec tune --display-file}): validation curves of every
 * trial with the best one highlighted, the best score by trial, the metric against each
 * hyper-parameter, and a sortable table of the trials.
 */
public final class TuneReport {

	private TuneReport() {
	}

	/**
	 * Renders the report.
	 * @param summary the search
	 * @return the HTML page
	 */
	public static String html(SearchSummary summary) {
		return HtmlReport.render("Tuning " + summary.model() + " on " + summary.dataset(), data(summary));
	}

	static Map<String, Object> data(SearchSummary summary) {
		TuneOutcome outcome = summary.outcome();
		String metric = summary.validMetric().toLowerCase(Locale.ROOT);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", "tune");
		data.put("model", summary.model());
		data.put("dataset", summary.dataset());
		data.put("metric", metric);
		data.put("algo", summary.settings().algorithm());
		data.put("scheduler", summary.settings().scheduler());
		data.put("parallel", summary.settings().parallel());
		data.put("threadsPerTrial", summary.threadsPerTrial());
		data.put("planned", outcome.planned());
		data.put("earlyStopped", outcome.earlyStopped());
		data.put("interrupted", outcome.interrupted());
		data.put("seconds", outcome.seconds());
		data.put("best", (outcome.best() != null) ? outcome.best().number() : null);
		data.put("space", summary.space().dimensions().stream().map(TuneReport::dimension).toList());
		Set<String> testKeys = new LinkedHashSet<>();
		outcome.trials().forEach((trial) -> testKeys.addAll(trial.test().keySet()));
		data.put("testKeys", List.copyOf(testKeys));
		data.put("trials", outcome.trials().stream().map((trial) -> trial(trial, summary, metric)).toList());
		return data;
	}

	private static Map<String, Object> dimension(Dimension dimension) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("name", dimension.name());
		String type = dimension.getClass().getSimpleName().toLowerCase(Locale.ROOT);
		json.put("type", type);
		if (dimension instanceof Dimension.Choice choice) {
			json.put("values", choice.values().stream().map(PythonText::str).toList());
		}
		return json;
	}

	private static Map<String, Object> trial(TrialResult trial, SearchSummary summary, String metric) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("number", trial.number());
		json.put("status", trial.status().label());
		json.put("score", trial.score());
		json.put("test", trial.test());
		json.put("epochs", trial.epochs());
		json.put("bestEpoch", trial.bestEpoch());
		json.put("seconds", trial.seconds());
		json.put("error", trial.error());
		Map<String, String> display = new LinkedHashMap<>();
		Map<String, Object> coords = new LinkedHashMap<>();
		for (Dimension dimension : summary.space().dimensions()) {
			Object value = trial.params().get(dimension.name());
			display.put(dimension.name(), PythonText.str(value));
			coords.put(dimension.name(), coordinate(dimension, value));
		}
		json.put("display", display);
		json.put("coords", coords);
		json.put("params", trial.params());
		List<@Nullable Double> curve = new ArrayList<>();
		for (EpochPoint point : trial.curve()) {
			curve.add((point.valid() != null) ? point.valid().get(metric) : null);
		}
		json.put("curve", curve);
		return json;
	}

	private static @Nullable Object coordinate(Dimension dimension, @Nullable Object value) {
		if (dimension instanceof Dimension.Choice choice) {
			return choice.values().indexOf(value);
		}
		return value;
	}

}
