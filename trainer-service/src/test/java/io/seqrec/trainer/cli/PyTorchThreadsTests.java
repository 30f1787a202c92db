package io.seqrec.trainer.cli;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import io.seqrec.tune.TrialThreads;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intra-op thread count is a per-thread setting: trials running at once each get
 * their own.
 */
class PyTorchThreadsTests {

	@Test
	void eachThreadKeepsTheCountItSet() throws Exception {
		TrialThreads setter = PyTorchThreads.setter();
		int[] processDefault = new int[1];
		onNewThread(() -> processDefault[0] = PyTorchThreads.current());
		CyclicBarrier bothSet = new CyclicBarrier(2);
		List<String> seen = new CopyOnWriteArrayList<>();
		Thread one = new Thread(() -> seen.add("one " + setAndRead(setter, 1, bothSet)));
		Thread three = new Thread(() -> seen.add("three " + setAndRead(setter, 3, bothSet)));
		one.start();
		three.start();
		one.join();
		three.join();
		assertThat(seen).containsExactlyInAnyOrder("one 1", "three 3");
		// the last value set is what new threads start with: leave the process as it was
		onNewThread(() -> setter.apply(processDefault[0]));
	}

	private static void onNewThread(Runnable action) throws InterruptedException {
		Thread thread = new Thread(action);
		thread.start();
		thread.join();
	}

	private static int setAndRead(TrialThreads setter, int threads, CyclicBarrier barrier) {
		setter.apply(threads);
		try {
			// both threads have set their count before either reads it back
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return PyTorchThreads.current();
	}

}
