package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Map;

import io.seqrec.nn.HiddenActivation;
import io.seqrec.nn.TransformerEncoder;

/**
 * The encoder hyper-parameters of the transformer models (SASRec, BERT4Rec, FEARec),
 * under their RecBole names. Each model's settings record holds one, beside its own keys.
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
 */
public record TransformerSettings(int nLayers, int nHeads, int hiddenSize, int innerSize, float hiddenDropoutProb,
		float attnDropoutProb, HiddenActivation hiddenAct, float layerNormEps, float initializerRange) {

	/** RecBole's SASRec encoder defaults. */
	public static final TransformerSettings SASREC_DEFAULTS = new TransformerSettings(2, 2, 64, 256, 0.5f, 0.5f,
			HiddenActivation.GELU, 1e-12f, 0.02f);

	public TransformerSettings {
		Checks.require(nLayers > 0, "n_layers must be positive, got " + nLayers);
		Checks.require(nHeads > 0, "n_heads must be positive, got " + nHeads);
		Checks.require(hiddenSize > 0, "hidden_size must be positive, got " + hiddenSize);
		Checks.require(hiddenSize % nHeads == 0,
				"hidden_size (" + hiddenSize + ") is not divisible by n_heads (" + nHeads + ")");
		Checks.require(innerSize > 0, "inner_size must be positive, got " + innerSize);
		Checks.probability("hidden_dropout_prob", hiddenDropoutProb);
		Checks.probability("attn_dropout_prob", attnDropoutProb);
		Checks.require(layerNormEps > 0, "layer_norm_eps must be positive, got " + layerNormEps);
		Checks.require(initializerRange > 0, "initializer_range must be positive, got " + initializerRange);
	}

	/**
	 * Binds the encoder keys.
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public static TransformerSettings from(HyperParameters values) {
		return new TransformerSettings(values.getInt("n_layers"), values.getInt("n_heads"),
				values.getInt("hidden_size"), values.getInt("inner_size"), values.getFloat("hidden_dropout_prob"),
				values.getFloat("attn_dropout_prob"), HiddenActivation.parse(values.getString("hidden_act")),
				values.getFloat("layer_norm_eps"), values.getFloat("initializer_range"));
	}

	/**
	 * RecBole's {@code TransformerEncoder} with these settings: {@code n_layers} layers
	 * of multi-head attention and feed-forward.
	 * @return a new encoder block
	 */
	public TransformerEncoder standardEncoder() {
		return TransformerEncoder.standard(this.nLayers, this.hiddenSize, this.nHeads, this.innerSize,
				this.hiddenDropoutProb, this.attnDropoutProb, this.hiddenAct, this.layerNormEps);
	}

	/**
	 * The same encoder with other dropout probabilities.
	 * @param hidden {@code hidden_dropout_prob}
	 * @param attention {@code attn_dropout_prob}
	 * @return the new settings
	 */
	public TransformerSettings withDropout(float hidden, float attention) {
		return new TransformerSettings(this.nLayers, this.nHeads, this.hiddenSize, this.innerSize, hidden, attention,
				this.hiddenAct, this.layerNormEps, this.initializerRange);
	}

	/**
	 * The settings under their RecBole keys.
	 * @return an ordered map
	 */
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("n_layers", this.nLayers);
		map.put("n_heads", this.nHeads);
		map.put("hidden_size", this.hiddenSize);
		map.put("inner_size", this.innerSize);
		map.put("hidden_dropout_prob", ModelSettings.decimal(this.hiddenDropoutProb));
		map.put("attn_dropout_prob", ModelSettings.decimal(this.attnDropoutProb));
		map.put("hidden_act", this.hiddenAct.configName());
		map.put("layer_norm_eps", ModelSettings.decimal(this.layerNormEps));
		map.put("initializer_range", ModelSettings.decimal(this.initializerRange));
		return map;
	}

}
