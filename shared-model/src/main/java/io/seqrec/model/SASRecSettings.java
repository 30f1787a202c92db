package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SASRec's hyper-parameters (RecBole's {@code properties/model/SASRec.yaml}).
 *
 * @param encoder the transformer keys
 * @param lossType {@code loss_type}: CE or BPR
 */
public record SASRecSettings(TransformerSettings encoder, LossType lossType) implements ModelSettings {

	/** RecBole's defaults. */
	public static final SASRecSettings DEFAULTS = new SASRecSettings(TransformerSettings.SASREC_DEFAULTS, LossType.CE);

	/**
	 * Binds and validates the settings.
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public static SASRecSettings from(HyperParameters values) {
		return new SASRecSettings(TransformerSettings.from(values),
				LossType.parse(values.getString("loss_type"), LossType.CE, LossType.BPR));
	}

	@Override
	public boolean needsSampledNegatives() {
		return this.lossType == LossType.BPR;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.encoder.toMap());
		map.put("loss_type", this.lossType.name());
		return map;
	}

}
