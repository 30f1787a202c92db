package io.seqrec.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingOutcome;
import io.seqrec.tune.EpochPoint;

/**
 * The report of one training run ({@code seqrec train --report}, and the trainer
 * service's run page): the training loss and every validation metric by epoch with the
 * best epoch marked, and the best checkpoint's validation and test results.
 *
 * @param model the model
 * @param dataset the dataset
 * @param validMetric the metric that picks the best epoch
 * @param bestEpoch the best epoch, or -1 when none is known yet
 * @param epochs every epoch so far
 * @param bestValid the best validation result (empty while unknown)
 * @param test the test result (empty while unknown)
 * @param facts a few more figures to show (device, time, ...), in order
 */
public record RunReport(String model, String dataset, String validMetric, int bestEpoch, List<EpochPoint> epochs,
		Map<String, Double> bestValid, Map<String, Double> test, Map<String, Object> facts) {

	public RunReport {
		epochs = List.copyOf(epochs);
		bestValid = new LinkedHashMap<>(bestValid);
		test = new LinkedHashMap<>(test);
		facts = new LinkedHashMap<>(facts);
	}

	/**
	 * The report of a finished run.
	 * @param model the model
	 * @param dataset the dataset
	 * @param validMetric the {@code valid_metric}
	 * @param outcome the run's outcome
	 * @return the report
	 */
	public static RunReport of(String model, String dataset, String validMetric, TrainingOutcome outcome) {
		List<EpochPoint> epochs = new ArrayList<>();
		for (EpochReport report : outcome.history()) {
			epochs.add(new EpochPoint(report.epoch(), report.trainLoss(),
					(report.valid() != null) ? report.valid().values() : null));
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("epochs", outcome.epochsRun());
		facts.put("training time", String.format(Locale.ROOT, "%.1f s", outcome.trainSeconds()));
		facts.put("device", outcome.device());
		return new RunReport(model, dataset, validMetric, outcome.bestEpoch(), epochs, outcome.bestValid().values(),
				outcome.test().values(), facts);
	}

	/**
	 * Renders the report.
	 * @return the HTML page
	 */
	public String html() {
		return HtmlReport.render("Training " + this.model + " on " + this.dataset, data());
	}

	Map<String, Object> data() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("kind", "run");
		data.put("model", this.model);
		data.put("dataset", this.dataset);
		data.put("metric", this.validMetric.toLowerCase(Locale.ROOT));
		data.put("bestEpoch", this.bestEpoch);
		data.put("epochs", this.epochs.stream().map(EpochPoint::epoch).toList());
		data.put("loss", this.epochs.stream().map(EpochPoint::trainLoss).toList());
		Set<String> keys = new LinkedHashSet<>();
		this.epochs.forEach((point) -> {
			if (point.valid() != null) {
				keys.addAll(point.valid().keySet());
			}
		});
		Map<String, List<@Nullable Double>> valid = new LinkedHashMap<>();
		for (String key : keys) {
			List<@Nullable Double> values = new ArrayList<>();
			this.epochs.forEach((point) -> values.add((point.valid() != null) ? point.valid().get(key) : null));
			valid.put(key, values);
		}
		data.put("valid", valid);
		data.put("bestValid", this.bestValid);
		data.put("test", this.test);
		data.put("facts", this.facts);
		return data;
	}

}
