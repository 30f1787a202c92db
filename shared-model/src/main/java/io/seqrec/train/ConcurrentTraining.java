package io.seqrec.train;

import java.util.concurrent.atomic.AtomicReference;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import org.jspecify.annotations.Nullable;

/**
 * Lets several training runs train at the same time in one process (parallel tuning
 * trials).
 *
 * <p>
 * DJL's PyTorch engine allows one open {@link GradientCollector} per process (a static
 * guard in its collector), although autograd records per thread: PyTorch's grad mode is a
 * thread-local switch, on by default on every new thread. While a
 * {@code ConcurrentTraining} is open, every {@link TrainingLoop} in the process records
 * its gradients through the one collector it holds instead of opening its own; the
 * collector only starts backward passes, which PyTorch runs independently for independent
 * graphs. Opening it starts the engine on the calling thread and the collector on a new
 * thread, so that the engine's start (which turns grad mode off on its thread) and the
 * collector's close (which restores its thread's mode) leave the training threads' grad
 * mode on. Run the trials on other threads than the one that starts the engine.
 */
public final class ConcurrentTraining implements AutoCloseable {

	private static final AtomicReference<@Nullable GradientCollector> SHARED = new AtomicReference<>();

	private final GradientCollector collector;

	private ConcurrentTraining(GradientCollector collector) {
		this.collector = collector;
	}

	/**
	 * Opens the shared collector.
	 * @return the open state; close it after the last concurrent run
	 * @throws IllegalStateException if one is already open
	 */
	public static ConcurrentTraining open() {
		Engine engine = Engine.getInstance();
		AtomicReference<@Nullable GradientCollector> opened = new AtomicReference<>();
		AtomicReference<@Nullable RuntimeException> failure = new AtomicReference<>();
		Thread opener = new Thread(() -> {
			try {
				opened.set(engine.newGradientCollector());
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		}, "seqrec-gradients");
		opener.start();
		try {
			opener.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while opening the shared gradient collector", ex);
		}
		RuntimeException error = failure.get();
		if (error != null) {
			throw error;
		}
		GradientCollector collector = opened.get();
		if (collector == null || !SHARED.compareAndSet(null, collector)) {
			if (collector != null) {
				collector.close();
			}
			throw new IllegalStateException("concurrent training is already open in this process");
		}
		return new ConcurrentTraining(collector);
	}

	/**
	 * The collector for one batch of a run: the shared one while concurrent training is
	 * open (closing it does nothing), else a new one of the trainer.
	 * @param trainer the run's trainer
	 * @return a collector to close after the backward pass
	 */
	static GradientCollector collector(Trainer trainer) {
		GradientCollector shared = SHARED.get();
		return (shared != null) ? new Borrowed(shared) : trainer.newGradientCollector();
	}

	@Override
	public void close() {
		SHARED.compareAndSet(this.collector, null);
		this.collector.close();
	}

	/** The shared collector as one batch sees it: closing it leaves it open. */
	private record Borrowed(GradientCollector shared) implements GradientCollector {

		@Override
		public void backward(NDArray target) {
			this.shared.backward(target);
		}

		@Override
		public void zeroGradients() {
			throw new UnsupportedOperationException(
					"zeroGradients would clear the gradients of every concurrent run; optimizers clear their own");
		}

		@Override
		public void close() {
			// the shared collector stays open for the other runs
		}

	}

}
