package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.time.Duration;

import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;

/**
 * {@code seqrec train}'s answer to Ctrl-C or SIGTERM ({@link SignalStop}): the run stops
 * after its current batch, the best checkpoint so far is tested and its results are
 * written, and only then may the JVM exit.
 */
final class StopOnSignal implements TrainingListener, AutoCloseable {

	private final TrainingListener progress;

	private final SignalStop signal;

	private volatile boolean stop;

	/**
	 * Installs the shutdown hook.
	 * @param progress the listener every callback goes on to
	 * @param err where to say that the run is stopping
	 * @param grace how long the exit waits for the run
	 */
	StopOnSignal(TrainingListener progress, PrintWriter err, Duration grace) {
		this.progress = progress;
		this.signal = new SignalStop(() -> this.stop = true,
				"stopping after the current batch; the best model so far is tested and written", err, grace);
	}

	@Override
	public void onStart(long trainableParameters, int batchesPerEpoch) {
		this.progress.onStart(trainableParameters, batchesPerEpoch);
	}

	@Override
	public void onBatch(int epoch, int batch, int batches) {
		this.progress.onBatch(epoch, batch, batches);
	}

	@Override
	public void onEpoch(EpochReport report) {
		this.progress.onEpoch(report);
	}

	@Override
	public boolean stopRequested() {
		return this.stop || this.progress.stopRequested();
	}

	/** The command is done: lets a waiting exit go on, or removes the hook. */
	@Override
	public void close() {
		this.signal.close();
	}

}
