package io.seqrec.run;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.config.Config;

/**
 * Process-wide engine settings, read by the PyTorch engine when it starts: apply them
 * before the first use of the engine. An explicit {@code -D} system property wins, and a
 * later job that asks for other values is told they cannot change in a running process.
 */
public final class EngineSettings {

	/** The PyTorch engine's intra-op thread count property ({@code cpu_threads}). */
	public static final String THREADS_PROPERTY = "ai.djl.pytorch.num_threads";

	/**
	 * The PyTorch engine's cuDNN autotuning property: on only when
	 * {@code reproducibility} is False, as RecBole sets {@code cudnn.benchmark}.
	 */
	public static final String CUDNN_BENCHMARK_PROPERTY = "ai.djl.pytorch.cudnn_benchmark";

	private static final Logger logger = LoggerFactory.getLogger(EngineSettings.class);

	private EngineSettings() {
	}

	/**
	 * Applies {@code cpu_threads} (0 keeps the engine's default, all cores) and
	 * {@code reproducibility} (False lets cuDNN pick the fastest, non-deterministic
	 * kernels; no effect on the CPU).
	 * @param config the configuration
	 */
	public static void apply(Config config) {
		int threads = config.getInt("cpu_threads");
		if (threads > 0) {
			set(THREADS_PROPERTY, Integer.toString(threads), "cpu_threads");
		}
		if (!config.getBoolean("reproducibility")) {
			set(CUDNN_BENCHMARK_PROPERTY, "true", "reproducibility");
		}
	}

	private static void set(String property, String value, String key) {
		String current = System.getProperty(property);
		if (current == null) {
			System.setProperty(property, value);
		}
		else if (!current.equals(value)) {
			logger.warn("{} asks for {}={} but this process runs with {}; engine settings take effect when the "
					+ "engine starts", key, property, value, current);
		}
	}

}
