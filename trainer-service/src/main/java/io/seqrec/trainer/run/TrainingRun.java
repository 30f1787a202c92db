package io.seqrec.trainer.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.seqrec.report.RunReport;
import io.seqrec.train.EpochReport;
import io.seqrec.tune.EpochPoint;

/**
 * The state of one training run, updated by the run's thread and read by the API. Readers
 * get a consistent {@link #view()}.
 */
public final class TrainingRun {

	private final String id;

	private final String trigger;

	private final Instant startedAt;

	private RunStatus status = RunStatus.SNAPSHOT;

	private @Nullable Instant finishedAt;

	private @Nullable String device;

	private @Nullable String error;

	private @Nullable String version;

	private @Nullable String gateDecision;

	private final Map<String, Object> data = new LinkedHashMap<>();

	private final Map<String, Double> timings = new LinkedHashMap<>();

	private final List<Map<String, Object>> epochs = new ArrayList<>();

	private final List<EpochPoint> curve = new ArrayList<>();

	private int bestEpoch = -1;

	private @Nullable String model;

	private String validMetric = "";

	private Map<String, Double> bestValid = Map.of();

	private Map<String, Double> test = Map.of();

	private int batchesDone;

	private int batchesPerEpoch;

	private volatile boolean cancelRequested;

	TrainingRun(String id, String trigger, Instant startedAt) {
		this.id = id;
		this.trigger = trigger;
		this.startedAt = startedAt;
	}

	/**
	 * The run's id.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	synchronized RunStatus status() {
		return this.status;
	}

	synchronized void status(RunStatus next) {
		this.status = next;
	}

	synchronized void timing(String stage, double seconds) {
		this.timings.put(stage, Math.round(seconds * 1000) / 1000.0);
	}

	synchronized void data(String key, Object value) {
		this.data.put(key, value);
	}

	synchronized void device(String value) {
		this.device = value;
	}

	synchronized void batch(int done, int perEpoch) {
		this.batchesDone = done;
		this.batchesPerEpoch = perEpoch;
	}

	synchronized void epoch(EpochReport report) {
		Map<String, Object> epoch = new LinkedHashMap<>();
		epoch.put("epoch", report.epoch());
		epoch.put("trainLoss", report.trainLoss());
		epoch.put("trainSeconds", report.trainSeconds());
		if (report.valid() != null) {
			epoch.put("valid", report.valid().values());
		}
		this.epochs.add(epoch);
		this.curve.add(new EpochPoint(report.epoch(), report.trainLoss(),
				(report.valid() != null) ? report.valid().values() : null));
		if (report.improved()) {
			this.bestEpoch = report.epoch();
		}
	}

	synchronized void training(String modelName, String metric) {
		this.model = modelName;
		this.validMetric = metric;
	}

	/**
	 * The run's report page: loss and validation curves so far, the best epoch, and the
	 * results once known.
	 * @return the report
	 */
	public synchronized RunReport report() {
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("status", this.status.name().toLowerCase(Locale.ROOT));
		facts.put("run", this.id);
		if (this.device != null) {
			facts.put("device", this.device);
		}
		if (this.version != null) {
			facts.put("version", this.version);
		}
		return new RunReport((this.model != null) ? this.model : "model", "the Redis snapshot of " + this.startedAt,
				this.validMetric, this.bestEpoch, this.curve, this.bestValid, this.test, facts);
	}

	synchronized void results(Map<String, Double> valid, Map<String, Double> testResult) {
		this.bestValid = Map.copyOf(valid);
		this.test = Map.copyOf(testResult);
	}

	synchronized void published(String publishedVersion, String decision) {
		this.version = publishedVersion;
		this.gateDecision = decision;
	}

	synchronized void finish(RunStatus finalStatus, @Nullable String reason, Instant now) {
		this.status = finalStatus;
		this.error = reason;
		this.finishedAt = now;
	}

	void requestCancel() {
		this.cancelRequested = true;
	}

	boolean cancelRequested() {
		return this.cancelRequested;
	}

	/**
	 * A consistent copy for readers.
	 * @return the run as the API shows it
	 */
	public synchronized RunView view() {
		Instant end = (this.finishedAt != null) ? this.finishedAt : Instant.now();
		Map<String, Object> progress = new LinkedHashMap<>();
		progress.put("epochsDone", this.epochs.size());
		progress.put("batchesDone", this.batchesDone);
		progress.put("batchesPerEpoch", this.batchesPerEpoch);
		return new RunView(this.id, this.status, this.trigger, this.startedAt, this.finishedAt,
				Duration.between(this.startedAt, end).toMillis() / 1000.0, this.device, progress, Map.copyOf(this.data),
				new LinkedHashMap<>(this.timings), List.copyOf(this.epochs), this.bestValid, this.test, this.version,
				this.gateDecision, this.error, "/v1/training-runs/" + this.id + "/report");
	}

}
