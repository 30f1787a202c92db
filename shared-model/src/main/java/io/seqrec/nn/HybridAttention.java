package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.jspecify.annotations.Nullable;

/**
 * FEARec's hybrid attention layer (Du et al., SIGIR 2023,
 * <a href="https://arxiv.org/abs/2304.09184">arXiv:2304.09184</a>), as RecBole's
 * {@code HybridAttention}: the frequency-domain auto-correlation of one band of the ramp
 * ({@link AutoCorrelation}), optionally mixed with a time-domain self-attention over
 * band-limited queries, keys and values, then the output projection with residual and
 * post-LayerNorm.
 *
 * <p>
 * Letters: {@code B} batch, {@code L} sequence length, {@code H} hidden size, {@code h}
 * heads, {@code E = H / h}, {@code M = L // 2 + 1} rFFT bins. Input
 * {@code (x [B, L, H], mask [B, 1, L, L])}, output {@code [B, L, H]}:
 * {@code LN(DO((1 - r) C_freq + r C_time) Wo) + x)}, {@code r} = {@code spatial_ratio}
 * with the time branch ({@code dual_domain}), else {@code C_freq} alone. The frequency
 * branch ignores the mask and has no attention dropout; the time branch uses both, as
 * {@link MultiHeadAttention}. Its parameters are those of {@link MultiHeadAttention}
 * (four {@code H x H} projections and one LayerNorm).
 */
public final class HybridAttention extends ProjectedAttention {

	private static final byte VERSION = 1;

	private final AutoCorrelation frequency;

	private final @Nullable TimeBranch time;

	private final int bins;

	/**
	 * Creates one layer's hybrid attention.
	 * @param hiddenSize {@code H}
	 * @param heads {@code h}, must divide {@code H}
	 * @param hiddenDropout dropout after the output projection
	 * @param attnDropout dropout on the time branch's attention probabilities
	 * @param layerNormEps LayerNorm epsilon
	 * @param frequency the layer's auto-correlation (band and delays)
	 * @param bins {@code M}
	 * @param time the time branch ({@code dual_domain}), or null for the frequency branch
	 * alone
	 */
	public HybridAttention(int hiddenSize, int heads, float hiddenDropout, float attnDropout, float layerNormEps,
			AutoCorrelation frequency, int bins, @Nullable TimeBranch time) {
		super(VERSION, hiddenSize, heads, hiddenDropout, attnDropout, layerNormEps, "_layer");
		this.frequency = frequency;
		this.bins = bins;
		this.time = time;
	}

	@Override
	protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
			PairList<String, Object> params) {
		// every intermediate lives in a scope closed on return: autograd keeps what it
		// needs
		try (NDManager scope = inputs.head().getManager().newSubManager()) {
			scope.tempAttachAll(inputs);
			return new NDList(scope.ret(attend(ps, inputs.get(0), inputs.get(1), training)));
		}
	}

	private NDArray attend(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
		long batch = x.getShape().get(0); // x: (B, L, H)
		long length = x.getShape().get(1);
		NDArray q = channels(query(ps, x, training), batch, length); // (B, h, E, L)
		NDArray k = channels(key(ps, x, training), batch, length);
		NDArray v = channels(value(ps, x, training), batch, length);
		NDArray qf = q.rfft(length, -1); // (B, h, E, M) complex
		NDArray kf = k.rfft(length, -1);
		NDArray correlation = this.frequency.correlation(qf, kf); // (B, n)
		NDArray context = sequence(this.frequency.aggregate(v, correlation, training), batch, length); // (B,L,H)
		if (this.time != null) {
			// (B, L, H)
			NDArray timeContext = timeAttention(q, k, v, qf, kf, mask, training);
			context = Scalars.mul(context, 1f - this.time.weight()).add(Scalars.mul(timeContext, this.time.weight()));
		}
		return output(ps, context, x, training);
	}

	/**
	 * The time-domain branch: scaled dot-product attention with the causal mask over
	 * queries, keys and values band-limited to the time band (unchanged when it keeps
	 * every bin: the FFT round trip is the identity).
	 */
	private NDArray timeAttention(NDArray q, NDArray k, NDArray v, NDArray qf, NDArray kf, NDArray mask,
			boolean training) {
		long length = q.getShape().get(3);
		FrequencyBands.Band band = this.time.band();
		NDArray qs = q;
		NDArray ks = k;
		NDArray vs = v;
		if (!band.keepsAll(this.bins)) {
			NDArray bandMask = band.mask(q.getManager(), this.bins);
			qs = qf.mul(bandMask).irfft(length, -1); // (B, h, E, L)
			ks = kf.mul(bandMask).irfft(length, -1);
			vs = v.rfft(length, -1).mul(bandMask).irfft(length, -1);
		}
		// channels last: (B, h, L, E); (B, L, H)
		return attention(qs.transpose(0, 1, 3, 2), ks.transpose(0, 1, 3, 2), vs.transpose(0, 1, 3, 2), mask, training);
	}

	/** {@code [B, L, H]} to {@code [B, h, E, L]}. */
	private NDArray channels(NDArray x, long batch, long length) {
		return x.reshape(batch, length, heads(), headSize()).transpose(0, 2, 3, 1);
	}

	/** {@code [B, h, E, L]} to {@code [B, L, H]}. */
	private NDArray sequence(NDArray x, long batch, long length) {
		return x.transpose(0, 3, 1, 2).reshape(batch, length, hiddenSize());
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}

	/**
	 * The time-domain branch of {@code dual_domain}.
	 *
	 * @param band the bins kept in queries, keys and values: the layer's band with
	 * {@code std}, every bin without
	 * @param weight {@code spatial_ratio}, its share of the mixed context
	 */
	public record TimeBranch(FrequencyBands.Band band, float weight) {
	}

}
