package io.seqrec.run;

import io.seqrec.config.Config;

/**
 * Process-wide engine settings that must be in place before the deep-learning engine
 * starts.
 */
public final class EngineSettings {

	/** The PyTorch engine's intra-op thread count property. */
	public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

	private EngineSettings() {
	}

	/**
	 * Applies {@code cpu_threads} (0 keeps the engine's default, all cores). Call it
	 * before the first use of the engine; an explicit
	 * {@code -Dai.djl.pytorch.num_threads} wins.
	 * @param config the configuration
	 */
	public static void apply(Config config) {
		int threads = config.getInt("cpu_threads");
		if (threads > 0 && System.getProperty(THREADS_PROPERTY) == null) {
			System.setProperty(THREADS_PROPERTY, Integer.toString(threads));
		}
	}

}
