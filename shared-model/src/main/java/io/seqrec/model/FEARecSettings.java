package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.seqrec.nn.AutoCorrelation;
import io.seqrec.nn.ContrastiveLosses.Similarity;
import io.seqrec.nn.FrequencyBands;

/**
 * FEARec's hyper-parameters (RecBole's {@code properties/model/FEARec.yaml}, plus the
 * keys {@code fearec.py} reads without a default: {@code contrast}, {@code tau},
 * {@code sim}). Combinations RecBole would crash on or silently ignore are refused with a
 * message that names the keys.
 *
 * @param encoder the transformer keys ({@code n_layers} at least 2)
 * @param lossType {@code loss_type}: CE or BPR
 * @param lmd {@code lmd}: weight of the dropout-view InfoNCE ({@code un}, {@code us})
 * @param lmdSem {@code lmd_sem}: weight of the same-target InfoNCE ({@code su},
 * {@code us}, {@code us_x})
 * @param globalRatio {@code global_ratio}: share of the rFFT bins each layer keeps, in
 * {@code (0, 1]} (the ramp of {@link FrequencyBands})
 * @param dualDomain {@code dual_domain}: mix in the time-domain self-attention
 * @param std {@code std}: band-limit the time branch's queries, keys and values to the
 * layer's band
 * @param spatialRatio {@code spatial_ratio}: the time branch's share, in {@code [0, 1]}
 * @param topkFactor {@code topk_factor}: {@code int(topk_factor * ln L)} time delays
 * @param fredom {@code fredom}: the frequency-domain L1 regulariser (with {@code us_x}
 * only)
 * @param fredomType {@code fredom_type}: which views it aligns
 * @param contrast {@code contrast}: the contrastive objective, null for none (RecBole's
 * default)
 * @param tau {@code tau}: InfoNCE temperature, required by {@code contrast}
 * @param sim {@code sim}: InfoNCE similarity, required by {@code contrast}
 */
public record FEARecSettings(TransformerSettings encoder, LossType lossType, float lmd, float lmdSem,
		double globalRatio, boolean dualDomain, boolean std, float spatialRatio, int topkFactor, boolean fredom,
		@Nullable Contrast fredomType, @Nullable Contrast contrast, @Nullable Float tau,
		@Nullable Similarity sim) implements ModelSettings {

	/**
	 * RecBole's defaults: no contrastive term, no regulariser, every bin in every layer.
	 */
	public static final FEARecSettings DEFAULTS = new FEARecSettings(TransformerSettings.SASREC_DEFAULTS, LossType.CE,
			0.1f, 0.1f, 1.0, false, false, 0f, 1, false, null, null, null, null);

	public FEARecSettings {
		Checks.require(encoder.nLayers() >= 2, "FEARec needs n_layers >= 2, got " + encoder.nLayers()
				+ ": its frequency ramp divides by n_layers - 1 (RecBole fails with ZeroDivisionError)");
		Checks.require(globalRatio > 0 && globalRatio <= 1, "global_ratio must be in (0, 1], got " + globalRatio);
		Checks.require(spatialRatio >= 0 && spatialRatio <= 1, "spatial_ratio must be in [0, 1], got " + spatialRatio);
		Checks.require(topkFactor >= 1, "topk_factor must be at least 1, got " + topkFactor);
		Checks.require(lmd >= 0, "lmd must not be negative, got " + lmd);
		Checks.require(lmdSem >= 0, "lmd_sem must not be negative, got " + lmdSem);
		if (contrast != null) {
			String mode = "contrast " + contrast.configName();
			Checks.require(tau != null, mode + " needs tau, the InfoNCE temperature (RecBole has no default)");
			Checks.require(tau > 0, "tau must be positive, got " + tau);
			Checks.require(sim != null, mode + " needs sim: dot or cos (RecBole has no default)");
		}
		if (fredom) {
			Checks.require(contrast == Contrast.US_X, "fredom acts only with contrast us_x in RecBole (got contrast "
					+ ((contrast != null) ? contrast.configName() : "none") + "): set contrast us_x or fredom False");
			Checks.require(fredomType != null, "fredom needs fredom_type: us, un, su or us_x");
		}
	}

	/**
	 * Binds and validates the settings; with {@code MAX_ITEM_LIST_LENGTH} among the
	 * values, also what depends on it ({@link #ramp}).
	 * @param values the hyper-parameters
	 * @return the settings
	 * @throws IllegalArgumentException naming the first invalid key
	 */
	public static FEARecSettings from(HyperParameters values) {
		String useFilter = values.getOptionalString("use_filter");
		Checks.require(useFilter == null || !Boolean.parseBoolean(useFilter),
				"use_filter is not supported: RecBole reads it but never creates the filter weights it applies");
		String sim = values.getOptionalString("sim");
		Double tau = values.getOptionalDouble("tau");
		FEARecSettings settings = new FEARecSettings(TransformerSettings.from(values),
				LossType.parse(values.getString("loss_type"), LossType.CE, LossType.BPR), values.getFloat("lmd"),
				values.getFloat("lmd_sem"), values.getDouble("global_ratio"), values.getBoolean("dual_domain"),
				values.getBoolean("std"), values.getFloat("spatial_ratio"), values.getInt("topk_factor"),
				values.getBoolean("fredom"), Contrast.parse("fredom_type", values.getOptionalString("fredom_type")),
				Contrast.parse("contrast", values.getOptionalString("contrast")),
				(tau != null) ? tau.floatValue() : null, (sim != null) ? Similarity.parse(sim) : null);
		Double length = values.getOptionalDouble("MAX_ITEM_LIST_LENGTH");
		if (length != null) {
			settings.ramp(length.intValue());
		}
		return settings;
	}

	/**
	 * The frequency band of every layer for a sequence length, checking what depends on
	 * it: an even {@code L} for {@code dual_domain}, at least one and at most
	 * {@code 2 (L // 2)} time delays, and a bin in every layer's band.
	 * @param maxSeqLength {@code MAX_ITEM_LIST_LENGTH}
	 * @return the ramp
	 * @throws IllegalArgumentException naming the keys
	 */
	public FrequencyBands ramp(int maxSeqLength) {
		Checks.require(!this.dualDomain || maxSeqLength % 2 == 0,
				"FEARec with dual_domain needs an even MAX_ITEM_LIST_LENGTH, got " + maxSeqLength
						+ ": for odd L the inverse FFT returns L - 1 positions, which RecBole's time branch "
						+ "cannot add to its L x L attention mask");
		int delays = delays(maxSeqLength);
		int correlation = AutoCorrelation.correlationLength(maxSeqLength);
		Checks.require(delays >= 1 && delays <= correlation,
				"topk_factor " + this.topkFactor + " with MAX_ITEM_LIST_LENGTH " + maxSeqLength + " gives " + delays
						+ " time delays (int(topk_factor * ln L)); FEARec needs between 1 and " + correlation);
		FrequencyBands bands = FrequencyBands.ramp(maxSeqLength, this.encoder.nLayers(), this.globalRatio);
		for (int layer = 0; layer < this.encoder.nLayers(); layer++) {
			Checks.require(!bands.band(layer).isEmpty(bands.bins()),
					"global_ratio " + this.globalRatio + " with n_layers " + this.encoder.nLayers() + " leaves layer "
							+ layer + " no frequency bin (band " + bands.band(layer) + " of " + bands.bins()
							+ " bins for MAX_ITEM_LIST_LENGTH " + maxSeqLength + ")");
		}
		return bands;
	}

	/**
	 * Number of time delays each layer aggregates.
	 * @param maxSeqLength {@code L}
	 * @return {@code int(topk_factor * ln L)}
	 */
	public int delays(int maxSeqLength) {
		return AutoCorrelation.delays(this.topkFactor, maxSeqLength);
	}

	@Override
	public boolean needsSampledNegatives() {
		return this.lossType == LossType.BPR;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>(this.encoder.toMap());
		map.put("loss_type", this.lossType.name());
		map.put("lmd", ModelSettings.decimal(this.lmd));
		map.put("lmd_sem", ModelSettings.decimal(this.lmdSem));
		map.put("global_ratio", this.globalRatio);
		map.put("dual_domain", this.dualDomain);
		map.put("std", this.std);
		map.put("spatial_ratio", ModelSettings.decimal(this.spatialRatio));
		map.put("fredom", this.fredom);
		map.put("fredom_type", (this.fredomType != null) ? this.fredomType.configName() : null);
		map.put("topk_factor", this.topkFactor);
		map.put("contrast", (this.contrast != null) ? this.contrast.configName() : null);
		map.put("tau", (this.tau != null) ? ModelSettings.decimal(this.tau) : null);
		map.put("sim", (this.sim != null) ? this.sim.configName() : null);
		return map;
	}

	/**
	 * A contrastive objective ({@code contrast}), also naming the views the
	 * frequency-domain regulariser aligns ({@code fredom_type}).
	 */
	public enum Contrast {

		/**
		 * The sequence against a second dropout view of itself, weighted by {@code lmd}.
		 */
		UN,
		/** The sequence against a same-target row, weighted by {@code lmd_sem}. */
		SU,
		/** Both {@code un} and {@code su}. */
		US,
		/**
		 * The second dropout view against a same-target row, weighted by {@code lmd_sem}.
		 */
		US_X;

		/**
		 * The configuration spelling.
		 * @return {@code un}, {@code su}, {@code us} or {@code us_x}
		 */
		public String configName() {
			return name().toLowerCase(Locale.ROOT);
		}

		/**
		 * Whether the objective needs a same-target row per training row.
		 * @return true for {@code su}, {@code us} and {@code us_x}
		 */
		public boolean needsSameTarget() {
			return this != UN;
		}

		/**
		 * Parses a value that may be unset; RecBole's string {@code None} reads as unset.
		 * @param key the key, for the message
		 * @param value the configured value or null
		 * @return the objective, or null
		 * @throws IllegalArgumentException naming the valid choices
		 */
		static @Nullable Contrast parse(String key, @Nullable String value) {
			if (value == null || value.isBlank() || "none".equalsIgnoreCase(value.trim())) {
				return null;
			}
			for (Contrast contrast : values()) {
				if (contrast.configName().equalsIgnoreCase(value.trim())) {
					return contrast;
				}
			}
			throw new IllegalArgumentException(
					key + " '" + value + "' is not supported; valid choices: un, su, us, us_x (or none)");
		}

	}

}
