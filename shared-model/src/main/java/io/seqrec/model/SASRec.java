package io.seqrec.model;

import java.util.random.RandomGenerator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import org.jspecify.annotations.Nullable;

import io.seqrec.data.AllPositionsWindows;
import io.seqrec.data.BatchFields;
import io.seqrec.data.NegativeSampler;
import io.seqrec.data.SequenceBatch;
import io.seqrec.data.SequentialDataset;
import io.seqrec.nn.AttentionMasks;
import io.seqrec.nn.EmbeddingTable;
import io.seqrec.nn.InvertedDropout;
import io.seqrec.nn.Losses;
import io.seqrec.nn.TransformerEncoder;

/**
 * SASRec: self-attentive sequential recommendation (Kang and McAuley, ICDM 2018,
 * <a href="https://arxiv.org/abs/1808.09781">arXiv:1808.09781</a>), as RecBole implements
 * it ({@code recbole/model/sequential_recommender/sasrec.py}).
 *
 * <p>
 * Letters: {@code B} batch, {@code L} max sequence length, {@code H} hidden size,
 * {@code I} {@code n_items}. Forward: {@code LN(item_emb[seq] + pos_emb[0..L-1])} then
 * dropout, a causal and padding masked post-LN transformer, and the hidden state at
 * {@code item_length - 1}. Scores are {@code s . item_emb^T} over all {@code I} rows.
 * RecBole's departures from the paper are kept on purpose: linear feed-forward, post-LN,
 * no {@code sqrt(H)} embedding scale, shared input/output embeddings, padding in the
 * softmax, right padding with absolute positions.
 *
 * <p>
 * Beside RecBole's prefix training, SASRec supports {@code train_mode: all_positions}:
 * the causal mask makes the output at position {@code t} depend on items {@code 0..t}
 * only, so one pass over a window yields the next-item loss at every position.
 */
public final class SASRec extends SequentialRecommender {

	/** Registry name. */
	public static final String NAME = "SASRec";

	/** Everything the platform knows about SASRec. */
	public static final ModelSpec<SASRecSettings> SPEC = ModelSpec
		.builder(NAME, SASRecSettings.class, SASRecSettings::from, (settings, context) -> new SASRec(context, settings))
		.optSummary("self-attentive sequential recommendation (causal transformer); prefix or all_positions training")
		.build();

	private static final byte VERSION = 1;

	private final int numItems;

	private final int maxSeqLength;

	private final SASRecSettings settings;

	private final EmbeddingTable itemEmbedding;

	private final EmbeddingTable positionEmbedding;

	private final LayerNorm layerNorm;

	private final InvertedDropout dropout;

	private final TransformerEncoder encoder;

	/**
	 * Builds SASRec.
	 * @param context item count and sequence length
	 * @param settings the hyper-parameters
	 */
	public SASRec(ModelContext context, SASRecSettings settings) {
		super(VERSION);
		this.numItems = context.numItems();
		this.maxSeqLength = context.maxSeqLength();
		this.settings = settings;
		TransformerSettings encoder = settings.encoder();
		int hidden = encoder.hiddenSize();
		this.itemEmbedding = addChildBlock("item_embedding", new EmbeddingTable(this.numItems, hidden, true));
		this.positionEmbedding = addChildBlock("position_embedding",
				new EmbeddingTable(this.maxSeqLength, hidden, false));
		this.layerNorm = addChildBlock("layer_norm",
				LayerNorm.builder().axis(2).optEpsilon(encoder.layerNormEps()).build());
		this.dropout = addChildBlock("dropout", new InvertedDropout(encoder.hiddenDropoutProb()));
		this.encoder = addChildBlock("trm_encoder", encoder.standardEncoder());
		// RecBole's _init_weights: Linear and Embedding weights ~ N(0,
		// initializer_range), biases 0,
		// LayerNorm 1/0 (DJL's defaults for BIAS, GAMMA and BETA).
		setInitializer(new NormalInitializer(encoder.initializerRange()), Parameter.Type.WEIGHT);
	}

	@Override
	public String modelName() {
		return NAME;
	}

	@Override
	public int numItems() {
		return this.numItems;
	}

	@Override
	public int maxSeqLength() {
		return this.maxSeqLength;
	}

	@Override
	public SASRecSettings settings() {
		return this.settings;
	}

	/**
	 * Encodes histories: the last encoder layer at every position.
	 * @param ps the parameter store
	 * @param itemSeq histories {@code [B, L]}
	 * @param training whether dropout is active and gradients flow
	 * @return {@code [B, L, H]}
	 */
	NDArray encode(ParameterStore ps, NDArray itemSeq, boolean training) {
		NDArray mask = AttentionMasks.causal(itemSeq); // (B, 1, L, L)
		return this.encoder.forward(ps, new NDList(embed(ps, itemSeq, training), mask), training).head(); // (B,
																											// L,
																											// H)
	}

	private NDArray embed(ParameterStore ps, NDArray itemSeq, boolean training) {
		NDArray items = this.itemEmbedding.lookup(ps, itemSeq, training); // (B, L, H)
		NDArray positions = this.positionEmbedding.weight(ps, itemSeq, training); // (L,
																					// H)
		NDArray x = items.add(positions); // (B, L, H)
		x = this.layerNorm.forward(ps, new NDList(x), training).head();
		return this.dropout.apply(x, training);
	}

	/**
	 * RecBole's {@code forward}: the sequence representation. Training gathers it from
	 * the full encoder output, as RecBole; inference runs the last layer at the last
	 * position only ({@link TransformerEncoder#forwardAt}), the same values for less
	 * work.
	 * @param ps the parameter store
	 * @param batch named arrays with history and lengths
	 * @param training whether dropout is active and gradients flow
	 * @return {@code [B, H]}
	 */
	NDArray sequenceOutput(ParameterStore ps, NDList batch, boolean training) {
		NDArray itemSeq = batch.get(BatchFields.ITEM_SEQ);
		NDArray lastPosition = batch.get(BatchFields.ITEM_SEQ_LEN).sub(1); // (B)
		if (training) {
			return gatherIndexes(encode(ps, itemSeq, true), lastPosition); // (B, H)
		}
		NDArray mask = AttentionMasks.causal(itemSeq); // (B, 1, L, L)
		return this.encoder.forwardAt(ps, embed(ps, itemSeq, false), mask, lastPosition.toType(DataType.INT64, false),
				false); // (B, H)
	}

	/**
	 * The training loss of a batch from {@link #trainingTask}: at the last position of
	 * each prefix (RecBole), or at every target position of each window
	 * ({@code all_positions}, batches with {@link BatchFields#TARGET_SEQ}).
	 */
	@Override
	public NDArray calculateLoss(ParameterStore ps, NDList batch) {
		if (batch.contains(BatchFields.TARGET_SEQ)) {
			return allPositionsLoss(ps, batch);
		}
		NDArray seqOutput = sequenceOutput(ps, batch, true); // (B, H)
		return nextItemLoss(ps, seqOutput, batch.get(BatchFields.POS_ITEM),
				(this.settings.lossType() == LossType.BPR) ? batch.get(BatchFields.NEG_ITEM) : null);
	}

	private NDArray nextItemLoss(ParameterStore ps, NDArray seqOutput, NDArray positives, @Nullable NDArray negatives) {
		if (negatives == null) {
			NDArray table = this.itemEmbedding.weight(ps, seqOutput, true); // (I, H)
			NDArray logits = Linear.linear(seqOutput, table).head(); // (N, I)
			return Losses.crossEntropy(logits, positives);
		}
		NDArray pos = seqOutput.mul(this.itemEmbedding.lookup(ps, positives, true)).sum(new int[] { -1 }); // (N)
		NDArray neg = seqOutput.mul(this.itemEmbedding.lookup(ps, negatives, true)).sum(new int[] { -1 }); // (N)
		return Losses.bpr(pos, neg);
	}

	@Override
	public NDArray fullSortPredict(ParameterStore ps, NDList batch) {
		NDArray seqOutput = sequenceOutput(ps, batch, false); // (B, H)
		NDArray table = this.itemEmbedding.weight(ps, seqOutput, false); // (I, H)
		return Linear.linear(seqOutput, table).head(); // (B, I)
	}

	@Override
	public TrainingTask trainingTask(TrainMode mode, SequentialDataset data) {
		boolean bpr = this.settings.lossType() == LossType.BPR;
		return switch (mode) {
			case PREFIX -> TrainingTask.prefixes(data.train(), bpr ? this::sampleNegatives : BatchTransform.NONE);
			case ALL_POSITIONS -> TrainingTask.windows(AllPositionsWindows.build(data),
					bpr ? this::sampleNegativesPerPosition : BatchTransform.NONE);
		};
	}

	/** One uniform negative per row, never the row's target (RecBole's sampler). */
	private void sampleNegatives(SequenceBatch batch, RandomGenerator random) {
		int[] positives = batch.get(BatchFields.POS_ITEM);
		NegativeSampler sampler = new NegativeSampler(this.numItems, random);
		int[] negatives = new int[positives.length];
		for (int i = 0; i < positives.length; i++) {
			negatives[i] = sampler.uniformExcluding(positives[i]);
		}
		batch.put(BatchFields.NEG_ITEM, negatives, negatives.length);
	}

	/** One uniform negative per target position of a window batch. */
	private void sampleNegativesPerPosition(SequenceBatch batch, RandomGenerator random) {
		int[] targets = batch.get(BatchFields.TARGET_SEQ);
		NegativeSampler sampler = new NegativeSampler(this.numItems, random);
		int[] negatives = new int[targets.length];
		for (int i = 0; i < targets.length; i++) {
			negatives[i] = (targets[i] == 0) ? 0 : sampler.uniformExcluding(targets[i]);
		}
		batch.put(BatchFields.NEG_SEQ, negatives, batch.size(), this.maxSeqLength);
	}

	private NDArray allPositionsLoss(ParameterStore ps, NDList batch) {
		NDArray itemSeq = batch.get(BatchFields.ITEM_SEQ);
		NDArray output = encode(ps, itemSeq, true); // (B, L, H)
		long hidden = output.getShape().get(2);
		NDArray targetSeq = batch.get(BatchFields.TARGET_SEQ).reshape(-1); // (B * L)
		NDArray positions = targetSeq.neq(0).nonzero().reshape(-1); // (N) flat indices b
																	// * L + t
		long count = positions.getShape().get(0);
		NDArray selected = output.reshape(-1, hidden).gather(positions.reshape(count, 1).broadcast(count, hidden), 0);
		NDArray targets = targetSeq.gather(positions, 0); // (N)
		NDArray negatives = null;
		if (this.settings.lossType() == LossType.BPR) {
			negatives = batch.get(BatchFields.NEG_SEQ).reshape(-1).gather(positions, 0); // (N)
		}
		return nextItemLoss(ps, selected, targets, negatives);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape seq = inputShapes[0];
		Shape hidden = new Shape(seq.get(0), seq.get(1), this.settings.encoder().hiddenSize());
		this.itemEmbedding.initialize(manager, dataType, seq);
		this.positionEmbedding.initialize(manager, dataType, seq);
		this.layerNorm.initialize(manager, dataType, hidden);
		this.dropout.initialize(manager, dataType, hidden);
		this.encoder.initialize(manager, dataType, hidden, new Shape(seq.get(0), 1, seq.get(1), seq.get(1)));
	}

}
