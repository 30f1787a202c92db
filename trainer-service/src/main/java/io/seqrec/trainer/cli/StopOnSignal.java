package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingListener;

/**
 * A command-line training run's answer to Ctrl-C or SIGTERM: the run stops after its
 * current batch, the best checkpoint so far is tested and its results are written, and
 * only then may the JVM exit (with the signal's status). Without it the JVM would exit
 * while the training thread is inside libtorch, whose exit handlers then crash the
 * process.
 * <p>
 * The JVM's shutdown hook asks the run to stop ({@link #stopRequested}) and waits, at
 * most for the grace period, until {@link #close} says the command is done.
 */
final class StopOnSignal implements TrainingListener, AutoCloseable {

	private final TrainingListener progress;

	private final PrintWriter err;

	private final Duration grace;

	private final CountDownLatch done = new CountDownLatch(1);

	private final Thread hook;

	private volatile boolean stop;

	/**
	 * Installs the shutdown hook.
	 * @param progress the listener every callback goes on to
	 * @param err where to say that the run is stopping
	 * @param grace how long the exit waits for the run
	 */
	StopOnSignal(TrainingListener progress, PrintWriter err, Duration grace) {
		this.progress = progress;
		this.err = err;
		this.grace = grace;
		this.hook = new Thread(this::stopAndWait, "seqrec-train-stop");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** What the shutdown hook does. */
	private void stopAndWait() {
		this.stop = true;
		this.err.println("stopping after the current batch; the best model so far is tested and written (waiting up to "
				+ this.grace.toSeconds() + " s)");
		this.err.flush();
		try {
			if (!this.done.await(this.grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.err.println("the run did not stop within " + this.grace.toSeconds() + " s; exiting anyway");
				this.err.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
		this.done.countDown();
		try {
			Runtime.getRuntime().removeShutdownHook(this.hook);
		}
		catch (IllegalStateException ex) {
			// the JVM is exiting: the hook is running and has just been released
		}
	}

}
