package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SINE's hyper-parameters (RecBole's {@code properties/model/SINE.yaml}).
 *
 * @param embeddingSize {@code embedding_size}: item and prototype width {@code D}
 * @param layerNormEps {@code layer_norm_eps}: epsilon of the two LayerNorms
 * @param prototypeSize {@code prototype_size}: number of concept prototypes {@code P}
 * @param interestSize {@code interest_size}: prototypes activated per user {@code k}, at
 * most {@code P}
 * @param tauRatio {@code tau_ratio}: temperature of the interest aggregation
 * @param regLossRatio {@code reg_loss_ratio}: weight of the prototype covariance
 * regulariser, added with {@code loss_type NLL} only
 * @param lossType {@code loss_type}: CE, BPR or NLL
 */
public record SINESettings(int embeddingSize, float layerNormEps, int prototypeSize, int interestSize, float tauRatio,
		float regLossRatio, LossType lossType) implements ModelSettings {

	/** RecBole's defaults. */
	public static final SINESettings DEFAULTS = new SINESettings(64, 1e-12f, 50, 3, 0.1f, 0.5f, LossType.CE);

	public SINESettings {
		Checks.require(embeddingSize > 0, "embedding_size must be positive, got " + embeddingSize);
		Checks.require(layerNormEps > 0, "layer_norm_eps must be positive, got " + layerNormEps);
		Checks.require(prototypeSize > 0, "prototype_size must be positive, got " + prototypeSize);
		Checks.require(interestSize > 0, "interest_size must be positive, got " + interestSize);
		Checks.require(interestSize <= prototypeSize, "interest_size (" + interestSize
				+ ") must not exceed prototype_size (" + prototypeSize + "): each interest is one prototype");
		Checks.require(tauRatio > 0 && Float.isFinite(tauRatio),
				"tau_ratio must be a positive temperature, got " + tauRatio);
		Checks.require(regLossRatio >= 0 && Float.isFinite(regLossRatio),
				"reg_loss_ratio must be zero or positive, got " + regLossRatio);
	}

	/**
	 * Binds and validates the settings.
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public static SINESettings from(HyperParameters values) {
		return new SINESettings(values.getInt("embedding_size"), values.getFloat("layer_norm_eps"),
				values.getInt("prototype_size"), values.getInt("interest_size"), values.getFloat("tau_ratio"),
				values.getFloat("reg_loss_ratio"),
				LossType.parse(values.getString("loss_type"), LossType.CE, LossType.BPR, LossType.NLL));
	}

	/**
	 * BPR's negatives come from {@code train_neg_sample_args}, as RecBole's loader draws
	 * them for SINE (a {@code PAIRWISE} model); CE and NLL use none.
	 */
	@Override
	public boolean needsSampledNegatives() {
		return this.lossType == LossType.BPR;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("embedding_size", this.embeddingSize);
		map.put("layer_norm_eps", ModelSettings.decimal(this.layerNormEps));
		map.put("prototype_size", this.prototypeSize);
		map.put("interest_size", this.interestSize);
		map.put("tau_ratio", ModelSettings.decimal(this.tauRatio));
		map.put("reg_loss_ratio", ModelSettings.decimal(this.regLossRatio));
		map.put("loss_type", this.lossType.name());
		return map;
	}

}
