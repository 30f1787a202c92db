package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.seqrec.eval.RankingResult;
import io.seqrec.tune.TrialResult;
import io.seqrec.tune.TrialStatus;
import io.seqrec.tune.TuneListener;
import io.seqrec.tune.TuneResults;

/**
 * What {@code seqrec tune} prints while it searches. Standard output gets RecBole's lines
 * in trial order ({@code running parameters: {...}}, and for a new best
 * {@code current best valid score}, the valid and test results and a blank line), the
 * same whatever the parallelism. Standard error gets one line per trial as it ends and a
 * progress bar: trials done of planned, running, best so far, elapsed time and an
 * estimate of the time left; redrawn in place every second on a terminal, appended to
 * each trial line otherwise.
 */
final class TuneConsole implements TuneListener, AutoCloseable {

	private static final int BAR = 24;

	private final PrintWriter out;

	private final PrintWriter err;

	private final boolean interactive;

	private final int planned;

	private final String metric;

	private final long start = System.nanoTime();

	private final @Nullable ScheduledExecutorService ticker;

	private int done;

	private int running;

	private @Nullable TrialResult best;

	TuneConsole(PrintWriter out, PrintWriter err, boolean interactive, int planned, String metric) {
		this.out = out;
		this.err = err;
		this.interactive = interactive;
		this.planned = planned;
		this.metric = metric.toLowerCase(Locale.ROOT);
		this.ticker = interactive ? Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "seqrec-tune-progress");
			thread.setDaemon(true);
			return thread;
		}) : null;
		if (this.ticker != null) {
			this.ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
		}
	}

	@Override
	public synchronized void onTrialStarted(int number, Map<String, @Nullable Object> params, int runningNow) {
		this.running = runningNow;
		redraw();
	}

	@Override
	public synchronized void onTrialEnded(TrialResult result, int runningNow) {
		this.running = runningNow;
		this.done++;
		if (result.score() != null && (this.best == null || result.score() > this.best.score())) {
			this.best = result;
		}
		String line = trialLine(result);
		if (this.interactive) {
			clearBar();
			this.err.println(line);
			this.err.print(bar());
		}
		else {
			this.err.println(line + "  " + bar());
		}
		this.err.flush();
	}

	@Override
	public synchronized void onTrialRecorded(TrialResult result, boolean newBest) {
		this.out.println("running parameters: " + TuneResults.pythonDict(result.params()));
		if (newBest) {
			this.out.printf(Locale.ROOT, "current best valid score: %.4f%n", result.score());
			this.out.println("current best valid result:");
			this.out.println(OrderedDicts.of(new RankingResult(result.bestValid())));
			this.out.println("current test result:");
			this.out.println(OrderedDicts.of(new RankingResult(result.test())));
			this.out.println();
		}
		this.out.flush();
	}

	private String trialLine(TrialResult result) {
		String head = String.format(Locale.ROOT, "trial %d/%d ", result.number(), this.planned);
		String params = TuneResults.paramsString(result.params());
		if (result.status() == TrialStatus.FAILED) {
			return head + String.format(Locale.ROOT, "failed after %.1fs: %s  (%s)", result.seconds(), result.error(),
					params);
		}
		String how = (result.status() == TrialStatus.STOPPED)
				? String.format(Locale.ROOT, "stopped by asha after %d epoch%s", result.epochs(),
						(result.epochs() == 1) ? "" : "s")
				: String.format(Locale.ROOT, "finished, %d epoch%s", result.epochs(),
						(result.epochs() == 1) ? "" : "s");
		Double test = result.test().get(this.metric);
		return head + String.format(Locale.ROOT, "%s in %.1fs: valid %s %.4f, test %s %s  (%s)", how, result.seconds(),
				this.metric, result.score(), this.metric,
				(test != null) ? String.format(Locale.ROOT, "%.4f", test) : "-", params);
	}

	private String bar() {
		int filled = (this.planned > 0) ? (int) Math.round(BAR * Math.min(1.0, (double) this.done / this.planned)) : 0;
		double elapsed = (System.nanoTime() - this.start) / 1e9;
		StringBuilder line = new StringBuilder("[").append("#".repeat(filled))
			.append("-".repeat(BAR - filled))
			.append("] ");
		line.append(String.format(Locale.ROOT, "%d/%d done, %d running", this.done, this.planned, this.running));
		if (this.best != null) {
			line.append(String.format(Locale.ROOT, ", best %s %.4f (#%d)", this.metric, this.best.score(),
					this.best.number()));
		}
		line.append(", ").append(duration(elapsed)).append(" elapsed");
		if (this.done > 0 && this.done < this.planned) {
			line.append(", ~").append(duration(elapsed / this.done * (this.planned - this.done))).append(" left");
		}
		return line.toString();
	}

	private synchronized void redraw() {
		if (this.interactive) {
			clearBar();
			this.err.print(bar());
			this.err.flush();
		}
	}

	private void clearBar() {
		this.err.print("\r" + " ".repeat(120) + "\r");
	}

	static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s >= 3600) {
			return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
		}
		return (s >= 60) ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
	}

	@Override
	public synchronized void close() {
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			clearBar();
			this.err.flush();
		}
	}

}
