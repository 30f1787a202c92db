package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

import io.seqrec.nn.HiddenActivation;

/**
 * The hyper-parameters shared by the transformer models (SASRec, BERT4Rec, FEARec), under
 * their RecBole names.
 *
 * @param nLayers {@code n_layers}: number of transformer layers
 * @param nHeads {@code n_heads}: attention heads per layer
 * @param hiddenSize {@code hidden_size}: embedding and hidden width
 * @param innerSize {@code inner_size}: feed-forward inner width
 * @param hiddenDropoutProb {@code hidden_dropout_prob}: dropout on embeddings and block
 * outputs
 * @param attnDropoutProb {@code attn_dropout_prob}: dropout on attention probabilities
 * @param hiddenAct {@code hidden_act}: feed-forward activation
 * @param layerNormEps {@code layer_norm_eps}: LayerNorm epsilon
 * @param initializerRange {@code initializer_range}: standard deviation of the normal
 * init
 * @param lossType {@code loss_type}: CE or BPR
 */
public record TransformerSettings(int nLayers, int nHeads, int hiddenSize, int innerSize, float hiddenDropoutProb,
		float attnDropoutProb, HiddenActivation hiddenAct, float layerNormEps, float initializerRange,
		LossType lossType) {

	/** RecBole's SASRec defaults. */
	public static final TransformerSettings SASREC_DEFAULTS = new TransformerSettings(2, 2, 64, 256, 0.5f, 0.5f,
			HiddenActivation.GELU, 1e-12f, 0.02f, LossType.CE);

	public TransformerSettings {
		require(nLayers > 0, "n_layers must be positive, got " + nLayers);
		require(nHeads > 0, "n_heads must be positive, got " + nHeads);
		require(hiddenSize > 0, "hidden_size must be positive, got " + hiddenSize);
		require(hiddenSize % nHeads == 0,
				"hidden_size (" + hiddenSize + ") is not divisible by n_heads (" + nHeads + ")");
		require(innerSize > 0, "inner_size must be positive, got " + innerSize);
		require(hiddenDropoutProb >= 0 && hiddenDropoutProb < 1,
				"hidden_dropout_prob must be in [0, 1), got " + hiddenDropoutProb);
		require(attnDropoutProb >= 0 && attnDropoutProb < 1,
				"attn_dropout_prob must be in [0, 1), got " + attnDropoutProb);
		require(layerNormEps > 0, "layer_norm_eps must be positive, got " + layerNormEps);
		require(initializerRange > 0, "initializer_range must be positive, got " + initializerRange);
		require(lossType != LossType.NLL, "loss_type NLL is SINE's; transformer models take CE or BPR");
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * The settings under their RecBole keys, for artifacts and result files.
	 * @return an ordered map
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("n_layers", this.nLayers);
		map.put("n_heads", this.nHeads);
		map.put("hidden_size", this.hiddenSize);
		map.put("inner_size", this.innerSize);
		map.put("hidden_dropout_prob", (double) this.hiddenDropoutProb);
		map.put("attn_dropout_prob", (double) this.attnDropoutProb);
		map.put("hidden_act", this.hiddenAct.configName());
		map.put("layer_norm_eps", (double) this.layerNormEps);
		map.put("initializer_range", (double) this.initializerRange);
		map.put("loss_type", this.lossType.name());
		return map;
	}

}
