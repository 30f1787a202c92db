package io.seqrec.trainer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A training command's answer to Ctrl-C or SIGTERM: the JVM's shutdown hook asks the work
 * to stop, then holds the exit, at most for a grace period, until the command says it is
 * done ({@link #close}), so that what the work has done so far is written. Without it the
 * JVM would exit while a training thread is inside libtorch, whose exit handlers then
 * crash the process. The JVM exits with the signal's status.
 */
final class SignalStop implements AutoCloseable {

	private final Runnable stop;

	private final String stopping;

	private final PrintWriter err;

	private final Duration grace;

	private final CountDownLatch done = new CountDownLatch(1);

	private final Thread hook;

	/**
	 * Installs the shutdown hook.
	 * @param stop asks the work to stop; called once, from the hook's thread
	 * @param stopping what to say when the signal comes, before the wait is appended
	 * @param err where to say it
	 * @param grace how long the exit waits for the command
	 */
	SignalStop(Runnable stop, String stopping, PrintWriter err, Duration grace) {
		this.stop = stop;
		this.stopping = stopping;
		this.err = err;
		this.grace = grace;
		this.hook = new Thread(this::stopAndWait, "seqrec-stop");
		Runtime.getRuntime().addShutdownHook(this.hook);
	}

	/** What the shutdown hook does. */
	private void stopAndWait() {
		this.err.println(this.stopping + " (waiting up to " + this.grace.toSeconds() + " s)");
		this.err.flush();
		this.stop.run();
		try {
			if (!this.done.await(this.grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.err.println("the command did not stop within " + this.grace.toSeconds() + " s; exiting anyway");
				this.err.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
