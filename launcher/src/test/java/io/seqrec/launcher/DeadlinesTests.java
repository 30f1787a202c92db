package io.seqrec.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the platform gives up waiting at its deadline, whatever still runs: a close
 * that never ends (as the embedded broker's shutdown did after a training run) no longer
 * holds the process.
 */
class DeadlinesTests {

	@Test
	void anActionThatNeverEndsIsLeftBehindAtTheDeadline() {
		CountDownLatch never = new CountDownLatch(1);
		AtomicBoolean started = new AtomicBoolean();
		boolean ended = Deadlines.runWithin(() -> {
			started.set(true);
			try {
				never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Duration.ofMillis(200), "never-ends");
		assertThat(ended).isFalse();
		assertThat(started).isTrue();
		Thread left = Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("never-ends"))
			.findFirst()
			.orElseThrow();
		assertThat(left.isDaemon()).as("does not keep the process alive").isTrue();
		never.countDown();
	}

	@Test
	void anActionThatEndsIsWaitedFor() {
		AtomicBoolean done = new AtomicBoolean();
		assertThat(Deadlines.runWithin(() -> done.set(true), Duration.ofMinutes(1), "ends")).isTrue();
		assertThat(done).isTrue();
	}

}
