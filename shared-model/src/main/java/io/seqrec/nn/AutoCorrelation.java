package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * FEARec's frequency-domain attention (after Autoformer's auto-correlation, Wu et al.,
 * NeurIPS 2021, <a href="https://arxiv.org/abs/2106.13008">arXiv:2106.13008</a>), as
 * RecBole's {@code HybridAttention} computes it: the band-limited circular
 * cross-correlation of queries and keys finds the {@code k} most correlated time delays,
 * and each position aggregates the values shifted by those delays, weighted by the
 * softmax of their correlations.
 *
 * <p>
 * Letters: {@code B} batch, {@code h} heads, {@code E} head size, {@code L} sequence
 * length, {@code M = L // 2 + 1} rFFT bins, {@code n = 2 (M - 1)} correlation length
 * ({@code L}, or {@code L - 1} for odd {@code L}: libtorch's default {@code irfft}
 * length, which RecBole keeps), {@code k} delays.
 *
 * <p>
 * FFT normalisation is libtorch's default ("backward"): {@code rfft} unscaled,
 * {@code irfft} scaled by {@code 1 / n}, as RecBole. The mean over heads and channels is
 * taken before the inverse transform (it is linear), one {@code irfft} per row instead of
 * {@code h E}; the consumer of the correlation is always a gather, whose gradient is
 * contiguous, which libtorch's CPU {@code irfft} backward needs (it fails on the stride-0
 * gradient of a plain sum).
 */
public final class AutoCorrelation {

	private final FrequencyBands.Band band;

	private final int bins;

	private final int delays;

	/**
	 * Creates the branch of one layer.
	 * @param band the layer's bins
	 * @param bins {@code M}
	 * @param delays {@code k = int(topk_factor * ln L)}, at least 1
	 */
	public AutoCorrelation(FrequencyBands.Band band, int bins, int delays) {
		if (delays < 1) {
			throw new IllegalArgumentException("the auto-correlation needs at least one delay, got " + delays);
		}
		this.band = band;
		this.bins = bins;
		this.delays = delays;
	}

	/**
	 * RecBole's number of delays: {@code int(topk_factor * ln(L))}.
	 * @param topkFactor {@code topk_factor}
	 * @param length {@code L}
	 * @return {@code k}, truncated toward zero
	 */
	public static int delays(double topkFactor, int length) {
		return (int) (topkFactor * Math.log(length));
	}

	/**
	 * The correlation length of a sequence length: libtorch's default {@code irfft}
	 * output length.
	 * @param length {@code L}
	 * @return {@code 2 (L // 2)}: {@code L}, or {@code L - 1} when {@code L} is odd
	 */
	public static int correlationLength(int length) {
		return 2 * (length / 2);
	}

	/**
	 * The band-limited circular cross-correlation, averaged over heads and channels:
	 * {@code mean_{h,E} irfft(band(Qf conj(Kf)))[tau]}, with all bins
	 * {@code sum_t q[(t + tau) mod L] k[t]}.
	 * @param qf rFFT of the queries {@code [B, h, E, M]} (complex)
	 * @param kf rFFT of the keys {@code [B, h, E, M]} (complex)
	 * @return {@code [B, n]}
	 */
	public NDArray correlation(NDArray qf, NDArray kf) {
		long batch = qf.getShape().get(0);
		NDArray spectrum = qf.mul(kf.conj()).reshape(batch, -1, this.bins).mean(new int[] { 1 }); // (B,M)
		if (!this.band.keepsAll(this.bins)) {
			spectrum = spectrum.mul(this.band.mask(spectrum.getManager(), this.bins));
		}
		return spectrum.irfft(2L * (this.bins - 1), -1); // (B, n)
	}

	/**
	 * Aggregates the values over the top delays. In training the delays are shared by the
	 * whole batch (top {@code k} of the batch-mean correlation, each row weighted by its
	 * own correlation at those delays); in evaluation each row takes its own top
	 * {@code k}. No mask and no dropout: every position, future and padding included,
	 * reaches every output through the circular shifts.
	 * @param values {@code [B, h, E, L]}
	 * @param correlation {@code [B, n]} from {@link #correlation}
	 * @param training batch-shared delays when true
	 * @return {@code [B, h, E, L]}
	 */
	public NDArray aggregate(NDArray values, NDArray correlation, boolean training) {
		long batch = correlation.getShape().get(0);
		NDArray weights;
		NDArray delays;
		if (training) {
			NDList top = correlation.mean(new int[] { 0 }).topK(this.delays, -1, true, true);
			delays = top.get(1).reshape(1, this.delays); // (1, k)
			// (B, k)
			weights = correlation.gather(delays.broadcast(batch, this.delays), 1);
		}
		else {
			NDList top = correlation.topK(this.delays, -1, true, true);
			weights = top.get(0); // (B, k)
			delays = top.get(1); // (B, k)
		}
		return shiftAndMix(values, delays, weights.softmax(-1));
	}

	/**
	 * {@code out[b, :, :, t] = sum_j p[b, j] v[b, :, :, (t + d[b|0, j]) mod L]}: circular
	 * shifts by gather (the NDArray API has no roll).
	 * @param values {@code [B, h, E, L]}
	 * @param delays {@code [B, k]} or {@code [1, k]} (shared), int64
	 * @param probabilities {@code [B, k]}
	 * @return {@code [B, h, E, L]}
	 */
	static NDArray shiftAndMix(NDArray values, NDArray delays, NDArray probabilities) {
		long batch = values.getShape().get(0);
		long heads = values.getShape().get(1);
		long channels = values.getShape().get(2);
		long length = values.getShape().get(3);
		long count = delays.getShape().get(1);
		NDArray positions = values.getManager().arange(0, length, 1, DataType.INT64).reshape(1, 1, length);
		NDArray index = delays.expandDims(-1).add(positions).mod(length); // (B|1, k, L)
		index = index.reshape(index.getShape().get(0), 1, 1, count * length)
			.broadcast(batch, heads, channels, count * length);
		NDArray shifted = values.gather(index, 3).reshape(batch, heads, channels, count, length); // (B,h,E,k,L)
		return shifted.mul(probabilities.reshape(batch, 1, 1, count, 1)).sum(new int[] { 3 }); // (B,h,E,L)
	}

}
