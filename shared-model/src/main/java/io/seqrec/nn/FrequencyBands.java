package io.seqrec.nn;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

/**
 * FEARec's frequency ramp: the contiguous band of rFFT bins each hybrid attention layer
 * keeps, as RecBole's {@code HybridAttention} computes it once at construction, in Python
 * float arithmetic.
 *
 * <p>
 * With {@code M = L // 2 + 1} bins and {@code n} layers: the mixer is global
 * ({@code w = global_ratio}, step {@code s = (M (1 - w)) // (n - 1)}, a float floor
 * division) when {@code global_ratio > 1 / n} (strict), else local ({@code w = 1 / n},
 * {@code s = M / n}); layer {@code i} keeps {@code [int(M (1 - w) - i s), int(M - i s))},
 * {@code int()} truncating toward zero. Layer 0 keeps the highest frequencies, deeper
 * layers slide towards the lowest. For {@code L = 50}: {@code global_ratio 1} keeps every
 * bin in every layer, {@code 0.6} with two layers keeps {@code [10, 26)} then
 * {@code [0, 16)}.
 */
public final class FrequencyBands {

	private final int bins;

	private final List<Band> bands;

	private FrequencyBands(int bins, List<Band> bands) {
		this.bins = bins;
		this.bands = List.copyOf(bands);
	}

	/**
	 * The ramp of a FEARec encoder.
	 * @param maxSeqLength {@code MAX_ITEM_LIST_LENGTH} ({@code L})
	 * @param layers {@code n_layers}, at least 2 (RecBole divides by {@code n - 1})
	 * @param globalRatio {@code global_ratio}
	 * @return one band per layer
	 * @throws IllegalArgumentException for fewer than 2 layers
	 */
	public static FrequencyBands ramp(int maxSeqLength, int layers, double globalRatio) {
		if (layers < 2) {
			throw new IllegalArgumentException("FEARec needs n_layers >= 2, got " + layers
					+ ": its frequency ramp divides by n_layers - 1 (RecBole fails with ZeroDivisionError)");
		}
		int bins = maxSeqLength / 2 + 1;
		boolean global = globalRatio > 1.0 / layers;
		double width = global ? globalRatio : 1.0 / layers;
		double step = global ? pythonFloorDivide(bins * (1 - globalRatio), layers - 1) : (1.0 / layers) * bins;
		List<Band> bands = new ArrayList<>();
		for (int i = 0; i < layers; i++) {
			bands.add(new Band((int) (bins * (1 - width) - i * step), (int) (bins - i * step)));
		}
		return new FrequencyBands(bins, bands);
	}

	/**
	 * Python's {@code a // b} for floats ({@code float_floor_div} in CPython): the floor
	 * of {@code (a - fmod(a, b)) / b}, rounded to the nearest integer when that quotient
	 * lies more than half away from its floor.
	 * @param a the dividend
	 * @param b the divisor, not zero
	 * @return the floor quotient, as Python computes it
	 */
	static double pythonFloorDivide(double a, double b) {
		double mod = a % b;
		double div = (a - mod) / b;
		if (mod != 0 && ((b < 0) != (mod < 0))) {
			div -= 1.0;
		}
		if (div == 0) {
			return Math.copySign(0.0, a / b);
		}
		double floor = Math.floor(div);
		return (div - floor > 0.5) ? floor + 1.0 : floor;
	}

	/**
	 * Number of rFFT bins of a length-{@code L} sequence.
	 * @return {@code M = L // 2 + 1}
	 */
	public int bins() {
		return this.bins;
	}

	/**
	 * The band of one layer.
	 * @param layer the 0-based layer index
	 * @return its bins
	 */
	public Band band(int layer) {
		return this.bands.get(layer);
	}

	/**
	 * Every bin, the time branch's band without {@code std}.
	 * @return {@code [0, M)}
	 */
	public Band all() {
		return new Band(0, this.bins);
	}

	/**
	 * Every layer's band.
	 * @return the bands, layer 0 first
	 */
	public List<Band> bands() {
		return this.bands;
	}

	@Override
	public String toString() {
		return this.bands.toString();
	}

	/**
	 * A contiguous range of rFFT bins {@code [left, right)}; the other bins are zeroed.
	 *
	 * @param left the first kept bin
	 * @param right one past the last kept bin
	 */
	public record Band(int left, int right) {

		/**
		 * Whether the band keeps every one of {@code bins} bins (then it needs no mask).
		 * @param bins {@code M}
		 * @return true for {@code [0, M)}
		 */
		public boolean keepsAll(int bins) {
			return this.left <= 0 && this.right >= bins;
		}

		/**
		 * Whether the band keeps no bin of {@code bins}.
		 * @param bins {@code M}
		 * @return true when no bin lies in {@code [left, right)}
		 */
		public boolean isEmpty(int bins) {
			return Math.max(this.left, 0) >= Math.min(this.right, bins);
		}

		/**
		 * The band as a 0/1 mask over the bins, made by native operations (not from Java
		 * memory), so autograd may keep it after the array is closed.
		 * @param manager where to create it (a batch's manager)
		 * @param bins {@code M}
		 * @return {@code [M]} float32, 1 inside the band
		 */
		public NDArray mask(NDManager manager, int bins) {
			NDArray index = manager.arange(0, bins, 1, DataType.INT32);
			return index.gte(this.left).logicalAnd(index.lt(this.right)).toType(DataType.FLOAT32, false);
		}

		@Override
		public String toString() {
			return "[" + this.left + ", " + this.right + ")";
		}

	}

}
