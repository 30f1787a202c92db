package io.seqrec.model;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SameTargetRows;
import io.seqrec.data.SequentialDataset;
import io.seqrec.nn.AttentionMasks;
import io.seqrec.nn.AutoCorrelation;
import io.seqrec.nn.FeedForward;
import io.seqrec.nn.FrequencyBands;
import io.seqrec.nn.HybridAttention;
import io.seqrec.nn.TransformerEncoder;

/**
 * FEARec: frequency enhanced hybrid attention network for sequential recommendation (Du
 * et al., SIGIR 2023, <a href="https://arxiv.org/abs/2304.09184">arXiv:2304.09184</a>),
 * as RecBole implements it ({@code recbole/model/sequential_recommender/fearec.py}).
 *
 * <p>
 * Letters: {@code B} batch, {@code L} max sequence length, {@code H} hidden size,
 * {@code I} {@code n_items}. SASRec's embeddings and post-LN encoder, with each layer's
 * self-attention replaced by {@link HybridAttention} on that layer's band of the
 * frequency ramp ({@link FrequencyBands}); the sequence representation {@code s [B, H]}
 * is the last layer at {@code item_length - 1}, scores are {@code s . item_emb^T}. The
 * training loss is CE or BPR plus the terms of {@code contrast} and {@code fredom}
 * ({@link FEARecContrast}), with same-target rows drawn from the training split
 * ({@link SameTargetRows}). Same trainable parameters as SASRec.
 *
 * <p>
 * RecBole's behaviour kept on purpose:
 * <ul>
 * <li>the frequency branch has no causal or padding mask and no attention dropout: later
 * positions and padding (the random padding embedding) reach every output through the
 * circular shifts, in training and evaluation alike;</li>
 * <li>training mode aggregates the delays that are top for the batch mean, shared by the
 * whole batch (so a batch is never computed in chunks), evaluation each row's own; every
 * training forward pass (the sequence, its dropout view, the same-target rows) picks its
 * own delays;</li>
 * <li>the ramp uses a strict {@code >}, Python float floor division and {@code int()}
 * truncation; {@code n_layers} must be at least 2;</li>
 * <li>{@code k = int(topk_factor * ln L)} delays; for odd {@code L} the correlation has
 * {@code L - 1} delays (libtorch's default inverse FFT length) while the shifts wrap
 * around {@code L}; {@code dual_domain} needs an even {@code L};</li>
 * <li>without {@code std} the time branch sees the unfiltered queries, keys and values
 * (RecBole's FFT round trip); with it, the layer's band;</li>
 * <li>{@code contrast}, {@code tau} and {@code sim} have no defaults: the default run has
 * no contrastive term; {@code us_x} contrasts the second dropout view, not the sequence,
 * with the same-target view; {@code fredom} acts only with {@code us_x}, weight 0.1;</li>
 * <li>the same-target row is one with a different history when one exists, else an
 * identical one (RecBole's rejection rule, not the authors' "any other row");</li>
 * <li>the padding row of the item embedding is random and used, without lookup gradient
 * ({@link EmbeddingTable}).</li>
 * </ul>
 * {@code all_positions} training does not apply: a window's output at one position would
 * see its own target through the frequency branch.
 */
public final class FEARec extends TransformerRecommender {

	/** Registry name. */
	public static final String NAME = "FEARec";

	/** Everything the platform knows about FEARec. */
	public static final ModelSpec<FEARecSettings> SPEC = ModelSpec
		.builder(NAME, FEARecSettings.class, FEARecSettings::from, (settings, context) -> new FEARec(context, settings))
		.optSummary("frequency enhanced hybrid attention (auto-correlation and band-limited self-attention) "
				+ "with contrastive and frequency-domain regularisation; prefix training")
		.optUnsupported(TrainMode.ALL_POSITIONS,
				"its frequency branch mixes every position of a sequence, later ones included, into each output, "
						+ "so the output at a window position would see its own target")
		.build();

	private static final byte VERSION = 1;

	private final FEARecSettings settings;

	private final FEARecContrast contrast;

	/**
	 * Builds FEARec.
	 * @param context item count and sequence length
	 * @param settings the hyper-parameters
	 * @throws IllegalArgumentException if the settings do not fit the sequence length
	 */
	public FEARec(ModelContext context, FEARecSettings settings) {
		super(VERSION, context, settings.encoder(), "item_encoder", encoder(settings, context.maxSeqLength()));
		this.settings = settings;
		this.contrast = new FEARecContrast(settings);
	}

	/** RecBole's FEAEncoder: hybrid attention and feed-forward per layer. */
	private static TransformerEncoder encoder(FEARecSettings settings, int maxSeqLength) {
		TransformerSettings trm = settings.encoder();
		FrequencyBands bands = settings.ramp(maxSeqLength);
		int delays = settings.delays(maxSeqLength);
		List<HybridAttention> attentions = new ArrayList<>();
		List<FeedForward> feedForwards = new ArrayList<>();
		for (int layer = 0; layer < trm.nLayers(); layer++) {
			FrequencyBands.Band band = bands.band(layer);
			HybridAttention.TimeBranch time = settings.dualDomain()
					? new HybridAttention.TimeBranch(settings.std() ? band : bands.all(), settings.spatialRatio())
					: null;
			attentions
				.add(new HybridAttention(trm.hiddenSize(), trm.nHeads(), trm.hiddenDropoutProb(), trm.attnDropoutProb(),
						trm.layerNormEps(), new AutoCorrelation(band, bands.bins(), delays), bands.bins(), time));
			feedForwards.add(new FeedForward(trm.hiddenSize(), trm.innerSize(), trm.hiddenAct(),
					trm.hiddenDropoutProb(), trm.layerNormEps()));
		}
		return new TransformerEncoder(attentions, feedForwards);
	}

	@Override
	public String modelName() {
		return NAME;
	}

	@Override
	public FEARecSettings settings() {
		return this.settings;
	}

	/**
	 * RecBole's {@code forward}: the last encoder layer at {@code item_length - 1}.
	 * @param ps the parameter store
	 * @param itemSeq histories {@code [B, L]}
	 * @param lengths their lengths {@code [B]}
	 * @param training dropout and batch-shared delays when true
	 * @return {@code [B, H]}
	 */
	NDArray sequenceOutput(ParameterStore ps, NDArray itemSeq, NDArray lengths, boolean training) {
		// (B, 1, L, L): read by the time branch only
		NDArray mask = AttentionMasks.causal(itemSeq);
		NDArray output = encoder().forward(ps, new NDList(embed(ps, itemSeq, training), mask), training).head();
		// (B, H)
		return gatherIndexes(output, lengths.sub(1).toType(DataType.INT64, false));
	}

	@Override
	public NDArray calculateLoss(ParameterStore ps, NDList batch) {
		NDArray itemSeq = batch.get(BatchFields.ITEM_SEQ);
		// (B, H)
		NDArray seqOutput = sequenceOutput(ps, itemSeq, batch.get(BatchFields.ITEM_SEQ_LEN), true);
		NDArray loss = nextItemLoss(ps, seqOutput, batch.get(BatchFields.POS_ITEM),
				(this.settings.lossType() == LossType.BPR) ? batch.get(BatchFields.NEG_ITEM) : null);
		return this.contrast.addTo(loss, seqOutput, batch,
				(sequences, lengths) -> sequenceOutput(ps, sequences, lengths, true));
	}

	@Override
	public NDArray fullSortPredict(ParameterStore ps, NDList batch) {
		NDArray itemSeq = batch.get(BatchFields.ITEM_SEQ);
		// (B, I)
		return scores(ps, sequenceOutput(ps, itemSeq, batch.get(BatchFields.ITEM_SEQ_LEN), false));
	}

	/**
	 * RecBole's prefix training, with BPR negatives and same-target rows where the loss
	 * needs them, each batch computed in one piece (its delays and contrastive terms
	 * compare its rows).
	 */
	@Override
	public TrainingTask trainingTask(TrainMode mode, SequentialDataset data) {
		if (mode != TrainMode.PREFIX) {
			throw new IllegalArgumentException(
					"train_mode " + mode.configName() + " does not apply to FEARec: " + SPEC.unsupportedReason(mode));
		}
		BatchTransform transform = BatchTransform.NONE;
		if (this.settings.lossType() == LossType.BPR) {
			transform = transform.andThen(BatchTransform.uniformNegatives(numItems()));
		}
		FEARecSettings.Contrast objective = this.settings.contrast();
		if (objective != null && objective.needsSameTarget()) {
			transform = transform.andThen(SameTargetRows.of(data.train(), numItems())::complete);
		}
		return TrainingTask.prefixes(data.train(), transform).unchunked();
	}

}
