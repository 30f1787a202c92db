package io.seqrec.trainer.cli;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

import ai.djl.engine.Engine;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.tune.TrialThreads;

/**
 * The PyTorch engine's intra-op thread count for the calling thread, so that tuning
 * trials running at once split the cores.
 *
 * <p>
 * DJL reads {@code ai.djl.pytorch.num_threads} once, when the engine starts, for the
 * whole process. PyTorch's {@code at::set_num_threads} (DJL's
 * {@code JniUtils.setNumThreads}) sets OpenMP's thread count of the calling thread, and
 * each Java thread that runs tensor work gets its own OpenMP team: a trial thread that
 * sets 1 computes with 1 thread while another trial thread does the same. (PyTorch
 * initialises a thread's count lazily, at its first parallel call, from the value set
 * last in the whole process; so the setter makes that first call before it sets.) The
 * engine is a runtime dependency of this module (the code is written against DJL's
 * engine-agnostic API), so the call is looked up by name; with another engine the thread
 * count stays as it is.
 */
final class PyTorchThreads {

	private static final Logger logger = LoggerFactory.getLogger(PyTorchThreads.class);

	private static final String JNI_UTILS = "ai.djl.pytorch.jni.JniUtils";

	private PyTorchThreads() {
	}

	/**
	 * The setter of the engine in use. Starts the engine on the calling thread.
	 * @return the setter, or {@link TrialThreads#UNCHANGED} when the engine has none
	 */
	static TrialThreads setter() {
		MethodHandle set = handle("setNumThreads", MethodType.methodType(void.class, int.class));
		if (set == null) {
			return TrialThreads.UNCHANGED;
		}
		return (threads) -> {
			try {
				// a thread's first parallel call sets its count from the process-wide
				// last
				// value: have it happen first, so that what we set next stays
				current();
				set.invokeExact(threads);
			}
			catch (Throwable ex) {
				throw new IllegalStateException("cannot set the engine's thread count: " + ex.getMessage(), ex);
			}
		};
	}

	/**
	 * The calling thread's intra-op thread count.
	 * @return the count, or -1 when the engine does not tell
	 */
	static int current() {
		MethodHandle get = handle("getNumThreads", MethodType.methodType(int.class));
		if (get == null) {
			return -1;
		}
		try {
			return (int) get.invokeExact();
		}
		catch (Throwable ex) {
			throw new IllegalStateException("cannot read the engine's thread count: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable MethodHandle handle(String name, MethodType type) {
		Engine engine = Engine.getInstance();
		if (!"PyTorch".equals(engine.getEngineName())) {
			logger.warn("engine {} has no per-thread thread count: parallel trials share its threads",
					engine.getEngineName());
			return null;
		}
		try {
			return MethodHandles.publicLookup().findStatic(Class.forName(JNI_UTILS), name, type);
		}
		catch (ReflectiveOperationException ex) {
			logger.warn("{}.{} is not available ({}): parallel trials share the engine's threads", JNI_UTILS, name,
					ex.toString());
			return null;
		}
	}

}
