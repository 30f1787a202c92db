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
		CyclicBarrier bothSet = new CyclicBarrier(2);
		List<String> seen = new CopyOnWriteArrayList<>();
		Thread one = new Thread(() -> seen.add("one " + setAndRead(setter, 1, bothSet)));
		Thread three = new Thread(() -> seen.add("three " + setAndRead(setter, 3, bothSet)));
		one.start();
		three.start();
		one.join();
		three.join();
		assertThat(seen).containsExactlyInAnyOrder("one 1", "three 3");
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
