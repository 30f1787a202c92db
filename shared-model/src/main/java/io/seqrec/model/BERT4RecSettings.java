package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BERT4Rec's hyper-parameters (RecBole's {@code properties/model/BERT4Rec.yaml}).
 *
 * @param encoder the transformer keys
 * @param maskRatio {@code mask_ratio}: the probability that a history item is replaced by
 * the mask token in a cloze batch; {@code int(mask_ratio * L)} is the number of loss
 * slots per row
 * @param lossType {@code loss_type}: CE or BPR
 * @param ftRatio {@code ft_ratio}: the probability that a whole batch masks only the last
 * history item of every row instead
 */
public record BERT4RecSettings(TransformerSettings encoder, double maskRatio, LossType lossType,
		double ftRatio) implements ModelSettings {

	/** RecBole's defaults. */
	public static final BERT4RecSettings DEFAULTS = new BERT4RecSettings(
			TransformerSettings.SASREC_DEFAULTS.withDropout(0.2f, 0.2f), 0.2, LossType.CE, 0.5);

	public BERT4RecSettings {
		Checks.require(maskRatio > 0 && maskRatio <= 1, "mask_ratio must be in (0, 1], got " + maskRatio);
		Checks.require(ftRatio >= 0 && ftRatio <= 1, "ft_ratio must be in [0, 1], got " + ftRatio);
	}

	/**
	 * Binds and validates the settings.
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public static BERT4RecSettings from(HyperParameters values) {
		return new BERT4RecSettings(TransformerSettings.from(values), values.getDouble("mask_ratio"),
				LossType.parse(values.getString("loss_type"), LossType.CE, LossType.BPR), values.getDouble("ft_ratio"));
	}

	/**
	 * RecBole's {@code mask_item_length}: loss slots per row, {@code int(mask_ratio * L)}
	 * in Python's double arithmetic.
	 * @param maxSeqLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return the slot count
	 * @throws IllegalArgumentException if it is 0 (no row could carry a loss)
	 */
	public int maskSlots(int maxSeqLength) {
		int slots = (int) (this.maskRatio * maxSeqLength);
		Checks.require(slots >= 1, "mask_ratio " + this.maskRatio + " with MAX_ITEM_LIST_LENGTH " + maxSeqLength
				+ " leaves int(mask_ratio * L) = 0 masked positions per sequence");
		return slots;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.encoder.toMap());
		map.put("mask_ratio", this.maskRatio);
		map.put("loss_type", this.lossType.name());
		map.put("ft_ratio", this.ftRatio);
		return map;
	}

}
