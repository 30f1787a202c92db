package io.seqrec.nn;

import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The losses that compare the rows of a batch with each other, as RecBole's FEARec
 * computes them: InfoNCE between two views of a batch (Chen et al., SimCLR, ICML 2020,
 * <a href="https://arxiv.org/abs/2002.05709">arXiv:2002.05709</a>) and the L1 distance of
 * two views' spectra along the hidden dimension.
 */
public final class ContrastiveLosses {

	private static final float EXCLUDED = -1e9f;

	private ContrastiveLosses() {
	}

	/**
	 * InfoNCE over {@code 2B} rows: {@code Z = [zi; zj]}, similarities {@code S / tau};
	 * row {@code r}'s positive is its other view ({@code r + B} or {@code r - B}), its
	 * negatives every other row but itself ({@code 2B - 2} of them); cross-entropy with
	 * the positive as the label, mean over the {@code 2B} rows (RecBole's
	 * {@code info_nce} with {@code nn.CrossEntropyLoss}).
	 * @param zi the first view {@code [B, H]}
	 * @param zj the second view {@code [B, H]}
	 * @param tau the temperature
	 * @param similarity dot product or cosine
	 * @return the scalar loss
	 */
	public static NDArray infoNce(NDArray zi, NDArray zj, float tau, Similarity similarity) {
		long rows = zi.getShape().get(0);
		NDArray z = zi.concat(zj, 0); // (2B, H)
		NDArray scores = Scalars.div(similarity.matrix(z), tau); // (2B, 2B)
		NDManager manager = scores.getManager();
		// a row is not its own negative: exp(-1e9 + s) is exactly 0 in float32
		scores = scores.add(manager.eye((int) (2 * rows)).mul(EXCLUDED));
		long[] positives = new long[(int) (2 * rows)];
		for (int r = 0; r < positives.length; r++) {
			positives[r] = (r < rows) ? r + rows : r - rows;
		}
		return Losses.crossEntropy(scores, manager.create(positives));
	}

	/**
	 * FEARec's frequency-domain regulariser: the mean complex modulus of
	 * {@code rfft(x - y)} along the hidden dimension with orthonormal scaling
	 * ({@code 1 / sqrt(H)}), which equals RecBole's
	 * {@code |rfft(x, norm="ortho") - rfft(y, norm="ortho")|} by linearity.
	 * @param x {@code [B, H]}
	 * @param y {@code [B, H]}
	 * @return the scalar mean over {@code B (H // 2 + 1)} entries
	 */
	public static NDArray spectralDistance(NDArray x, NDArray y) {
		long hidden = x.getShape().get(1);
		NDArray spectrum = x.sub(y).rfft(hidden, 1); // (B, H // 2 + 1) complex
		return Scalars.div(spectrum.abs(), (float) Math.sqrt(hidden)).mean();
	}

	/** The similarity of InfoNCE ({@code sim}). */
	public enum Similarity {

		/** {@code Z Z^T}. */
		DOT {
			@Override
			NDArray matrix(NDArray z) {
				return z.matMul(z.transpose());
			}
		},
		/**
		 * Cosine similarity as {@code torch.cosine_similarity} (eps 1e-8):
		 * {@code z_a . z_b / sqrt(max(|z_a|^2 |z_b|^2, eps^2))}.
		 */
		COS {
			@Override
			NDArray matrix(NDArray z) {
				NDArray squares = z.mul(z).sum(new int[] { 1 }, true); // (2B, 1)
				// (2B, 2B)
				NDArray products = squares.matMul(squares.transpose());
				NDArray norms = products.maximum(Scalars.of(products, 1e-16f)).sqrt();
				return z.matMul(z.transpose()).div(norms);
			}
		};

		/**
		 * All pairwise similarities.
		 * @param z the rows {@code [N, H]}
		 * @return {@code [N, N]}
		 */
		abstract NDArray matrix(NDArray z);

		/**
		 * The configuration spelling.
		 * @return {@code dot} or {@code cos}
		 */
		public String configName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Parses a {@code sim} value.
		 * @param value {@code dot} or {@code cos}, case-insensitive
		 * @return the similarity
		 * @throws IllegalArgumentException naming the valid choices
		 */
		public static Similarity parse(String value) {
			for (Similarity similarity : values()) {
				if (similarity.configName().equalsIgnoreCase(value.trim())) {
					return similarity;
				}
			}
			throw new IllegalArgumentException("sim '" + value + "' is not supported; valid choices: dot, cos");
		}

	}

}
