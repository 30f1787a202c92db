package io.seqrec.nn;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.jspecify.annotations.Nullable;

/**
 * The engine's random draws, reproducible per training run even when several runs train
 * in one process at the same time (parallel tuning trials).
 *
 * <p>
 * The PyTorch engine has one generator per device for the whole process, seeded by
 * {@code Engine.setRandomSeed}. Two runs drawing from it at once would interleave their
 * draws, so neither run's dropout masks, nor its initial parameters, would depend on its
 * own seed alone. Here every draw of a run comes from a stream of seeds bound to the
 * run's thread ({@link #bind}): each draw reseeds the engine generator from the next seed
 * of the stream and draws, both under one process-wide lock, so the draw depends only on
 * the run's seed and on how many draws the run made before. Parameter initialisation runs
 * under the same lock right after seeding ({@link #seeded}). A draw on a thread without a
 * stream takes the generator as it is, under the lock too.
 *
 * <p>
 * Every native random draw of seqrec's training code goes through this class; reseeding
 * costs microseconds and a run makes a handful of draws per batch.
 */
public final class EngineRandom {

	private static final Object LOCK = new Object();

	private static final ThreadLocal<Stream> CURRENT = new ThreadLocal<>();

	private EngineRandom() {
	}

	/**
	 * Binds a stream of seeds to the current thread until the stream is closed.
	 * @param seed the run's seed
	 * @return the stream; close it when the run ends
	 */
	public static Stream bind(long seed) {
		Stream stream = new Stream(new SplittableRandom(seed), CURRENT.get());
		CURRENT.set(stream);
		return stream;
	}

	/**
	 * Seeds the engine and runs an action that draws from it (building or initialising a
	 * model), with no other draw of the process in between.
	 * @param seed the seed
	 * @param action what to run
	 * @param <T> the action's result type
	 * @return the action's result
	 */
	public static <T> T seeded(long seed, Supplier<T> action) {
		synchronized (LOCK) {
			Engine.getInstance().setRandomSeed((int) seed);
			return action.get();
		}
	}

	/**
	 * Seeds the engine and runs an action that draws from it.
	 * @param seed the seed
	 * @param action what to run
	 */
	public static void seeded(long seed, Runnable action) {
		seeded(seed, () -> {
			action.run();
			return null;
		});
	}

	/**
	 * Uniform numbers in {@code [0, 1)}, from the current thread's stream if one is
	 * bound.
	 * @param manager the manager of the new array
	 * @param shape its shape
	 * @return a float32 array
	 */
	public static NDArray uniform(NDManager manager, Shape shape) {
		Stream stream = CURRENT.get();
		synchronized (LOCK) {
			if (stream != null) {
				Engine.getInstance().setRandomSeed(stream.seeds.nextInt());
			}
			return manager.randomUniform(0f, 1f, shape);
		}
	}

	/** The seeds of one run's draws, bound to the run's thread. */
	public static final class Stream implements AutoCloseable {

		private final SplittableRandom seeds;

		private final @Nullable Stream previous;

		private Stream(SplittableRandom seeds, @Nullable Stream previous) {
			this.seeds = seeds;
			this.previous = previous;
		}

		@Override
		public void close() {
			if (this.previous != null) {
				CURRENT.set(this.previous);
			}
			else {
				CURRENT.remove();
			}
		}

	}

}
