package io.seqrec.model;

import java.util.function.BinaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.jspecify.annotations.Nullable;

import io.seqrec.data.BatchFields;
import io.seqrec.model.FEARecSettings.Contrast;
import io.seqrec.nn.ContrastiveLosses;
import io.seqrec.nn.Scalars;

/**
 * The terms FEARec adds to the next-item loss, as RecBole's {@code calculate_loss} adds
 * them by {@code contrast}: InfoNCE between the sequence {@code s} and a second dropout
 * view {@code a} ({@code un}, weight {@code lmd}), between {@code s} and the encoding
 * {@code z} of a same-target row ({@code su}, weight {@code lmd_sem}), both ({@code us}),
 * or between {@code a} and {@code z} ({@code us_x}, weight {@code lmd_sem}; {@code lmd}
 * unused). Only inside {@code us_x}, {@code fredom} adds {@code 0.1 D(s, a)}
 * ({@code fredom_type} {@code us} or {@code un}), {@code 0.1 D(s, z)} ({@code us} or
 * {@code su}) or {@code 0.1 D(a, z)} ({@code us_x}), {@code D} the spectral L1 distance
 * (weight 0.1 hard-coded, as RecBole). Each view is a separate forward pass in training
 * mode, with its own dropout and its own batch-shared delays.
 */
final class FEARecContrast {

	private static final float FREDOM_WEIGHT = 0.1f;

	private final FEARecSettings settings;

	FEARecContrast(FEARecSettings settings) {
		this.settings = settings;
	}

	/**
	 * The loss with the contrastive and regulariser terms added.
	 * @param loss the next-item loss
	 * @param s the sequence representations {@code [B, H]}
	 * @param batch the training batch (with same-target rows where the objective needs
	 * them)
	 * @param encoder a training-mode forward pass: (history, lengths) to {@code [B, H]}
	 * @return the total loss
	 */
	NDArray addTo(NDArray loss, NDArray s, NDList batch, BinaryOperator<NDArray> encoder) {
		Contrast contrast = this.settings.contrast();
		if (contrast == null) {
			return loss;
		}
		@Nullable NDArray a = (contrast == Contrast.SU) ? null
				: encoder.apply(batch.get(BatchFields.ITEM_SEQ), batch.get(BatchFields.ITEM_SEQ_LEN));
		@Nullable NDArray z = (contrast == Contrast.UN) ? null
				: encoder.apply(batch.get(BatchFields.SAME_TARGET_SEQ), batch.get(BatchFields.SAME_TARGET_SEQ_LEN));
		NDArray total = loss;
		if (contrast == Contrast.UN || contrast == Contrast.US) {
			total = total.add(infoNce(s, a, this.settings.lmd()));
		}
		if (contrast == Contrast.SU || contrast == Contrast.US) {
			total = total.add(infoNce(s, z, this.settings.lmdSem()));
		}
		if (contrast == Contrast.US_X) {
			total = total.add(infoNce(a, z, this.settings.lmdSem()));
			if (this.settings.fredom()) {
				total = addFrequencyTerms(total, s, a, z);
			}
		}
		return total;
	}

	private NDArray infoNce(NDArray first, NDArray second, float weight) {
		return Scalars.mul(ContrastiveLosses.infoNce(first, second, this.settings.tau(), this.settings.sim()), weight);
	}

	private NDArray addFrequencyTerms(NDArray loss, NDArray s, NDArray a, NDArray z) {
		Contrast type = this.settings.fredomType();
		NDArray total = loss;
		if (type == Contrast.US || type == Contrast.UN) {
			total = total.add(Scalars.mul(ContrastiveLosses.spectralDistance(s, a), FREDOM_WEIGHT));
		}
		if (type == Contrast.US || type == Contrast.SU) {
			total = total.add(Scalars.mul(ContrastiveLosses.spectralDistance(s, z), FREDOM_WEIGHT));
		}
		if (type == Contrast.US_X) {
			total = total.add(Scalars.mul(ContrastiveLosses.spectralDistance(a, z), FREDOM_WEIGHT));
		}
		return total;
	}

}
