package io.seqrec.launcher;

import java.time.Duration;

/**
 * Work that may take no longer than a deadline.
 */
final class Deadlines {

	private Deadlines() {
	}

	/**
	 * Runs an action on a daemon thread of its own and waits for it at most the given
	 * time. An action still running then goes on, but holds up neither the caller nor the
	 * end of the process.
	 * @param action the action
	 * @param timeout the longest wait
	 * @param name the thread's name
	 * @return true if the action ended in time
	 */
	static boolean runWithin(Runnable action, Duration timeout, String name) {
		Thread worker = new Thread(action, name);
		worker.setDaemon(true);
		worker.start();
		try {
			worker.join(Math.max(1, timeout.toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return !worker.isAlive();
	}

}
