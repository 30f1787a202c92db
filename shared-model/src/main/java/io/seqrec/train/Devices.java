package io.seqrec.train;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Chooses where a run trains: the configured GPU when the engine sees one and
 * {@code use_gpu} allows it, else the CPU (with all cores, the engine's default).
 */
public final class Devices {

	private Devices() {
	}

	/**
	 * Selects the device.
	 * @param useGpu {@code use_gpu}
	 * @param gpuId {@code gpu_id}
	 * @return the device
	 */
	public static Device select(boolean useGpu, int gpuId) {
		int gpus = Engine.getInstance().getGpuCount();
		if (useGpu && gpus > 0) {
			return Device.gpu(Math.min(gpuId, gpus - 1));
		}
		return Device.cpu();
	}

	/**
	 * A readable name of a device ({@code cpu (2 threads)}, {@code gpu(0)}).
	 * @param device the device
	 * @return the description
	 */
	public static String describe(Device device) {
		if (device.isGpu()) {
			return device.toString();
		}
		String threads = System.getProperty("ai.djl.pytorch.num_threads");
		int count = (threads != null) ? Integer.parseInt(threads) : Runtime.getRuntime().availableProcessors();
		return "cpu (" + count + " threads)";
	}

}
