package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The losses of RecBole's sequential models.
 */
public final class Losses {

	private Losses() {
	}

	/**
	 * {@code torch.nn.CrossEntropyLoss()}: mean over rows of
	 * {@code -log softmax(logits)[target]}.
	 * @param logits {@code [N, C]}
	 * @param targets class ids {@code [N]} (int64)
	 * @return the scalar mean loss
	 */
	public static NDArray crossEntropy(NDArray logits, NDArray targets) {
		return perRowCrossEntropy(logits, targets).mean();
	}

	/**
	 * Per-row cross entropy, for losses that weight rows
	 * ({@code -log softmax(logits)[target]}).
	 * @param logits {@code [N, C]}
	 * @param targets class ids {@code [N]} (int64)
	 * @return {@code [N]}
	 */
	public static NDArray perRowCrossEntropy(NDArray logits, NDArray targets) {
		NDArray logProbs = logits.logSoftmax(-1); // (N, C)
		return logProbs.gather(targets.reshape(-1, 1), 1).reshape(-1).neg(); // (N)
	}

	/**
	 * RecBole's {@code BPRLoss}: {@code -mean(log(gamma + sigmoid(pos - neg)))}, gamma
	 * 1e-10.
	 * @param pos positive scores {@code [N]}
	 * @param neg negative scores {@code [N]}
	 * @return the scalar loss
	 */
	public static NDArray bpr(NDArray pos, NDArray neg) {
		return bpr(pos, neg, 1e-10f);
	}

	/**
	 * BPR with another gamma: {@code -mean(log(gamma + sigmoid(pos - neg)))} (BERT4Rec
	 * uses 1e-14).
	 * @param pos positive scores {@code [N]}
	 * @param neg negative scores {@code [N]}
	 * @param gamma the constant that keeps the logarithm finite
	 * @return the scalar loss
	 */
	public static NDArray bpr(NDArray pos, NDArray neg, float gamma) {
		return Scalars.add(Activation.sigmoid(pos.sub(neg)), gamma).log().mean().neg();
	}

}
