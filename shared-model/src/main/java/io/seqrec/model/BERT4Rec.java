package io.seqrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import io.seqrec.data.AllPositionsWindows;
import io.seqrec.data.BatchFields;
import io.seqrec.data.SequentialDataset;
import io.seqrec.nn.AttentionMasks;
import io.seqrec.nn.EmbeddingTable;
import io.seqrec.nn.InvertedDropout;
import io.seqrec.nn.Losses;
import io.seqrec.nn.PredictionHead;
import io.seqrec.nn.TransformerEncoder;

/**
 * BERT4Rec: sequential recommendation with a bidirectional transformer trained on a cloze
 * task (Sun et al., CIKM 2019, <a href="https://arxiv.org/abs/1904.06690">
 * arXiv:1904.06690</a>), as RecBole implements it
 * ({@code recbole/model/sequential_recommender/bert4rec.py} and the
 * {@code MaskItemSequence} transform).
 *
 * <p>
 * Letters: {@code B} batch, {@code L} max sequence length, {@code H} hidden size,
 * {@code I} {@code n_items}, {@code M = I} the mask token, {@code m} loss slots per row.
 * Forward: {@code LN(item_emb[seq] + pos_emb[0..L-1])} then dropout, a post-LN
 * transformer whose mask hides only padding (every position sees both sides), and the
 * output head {@code LN(gelu(W x + b))} at the positions read. An item {@code j < I}
 * scores {@code <out, item_emb[j]> + output_bias[j]}; the mask row is never scored, so
 * scores have exactly {@code I} columns.
 *
 * <p>
 * Training ({@link ClozeMasking}) masks history items only and averages the loss over the
 * masked slots: cross-entropy over the {@code I} rows, or BPR against a negative outside
 * the row's history. Prediction appends the mask token after the history and reads it.
 *
 * <p>
 * RecBole's quirks, kept on purpose:
 * <ul>
 * <li>the item embedding has {@code I + 1} rows, row {@code I} is the mask token; row 0
 * (padding) is random, gets no lookup gradient, but gets gradient as an output row under
 * CE;</li>
 * <li>{@code output_bias} starts at zero (RecBole's weight init does not touch it);</li>
 * <li>a batch is masked in the fine-tuning way (last history item only) as a whole, with
 * probability {@code ft_ratio};</li>
 * <li>slot lists are left-padded and keep the last {@code int(mask_ratio * L)} masks;
 * earlier extra masks stay in the input without a loss;</li>
 * <li>a mask at position 0 has slot index 0 and carries no loss (so a one-item history
 * never does);</li>
 * <li>BPR uses {@code log(1e-14 + sigmoid(pos - neg))} (not BPRLoss's 1e-10) and adds the
 * output bias to both scores;</li>
 * <li>the target of a training sample is never used; the cloze runs on its history;</li>
 * <li>prediction ({@code reconstruct_test_data}) appends a column, writes the mask at
 * {@code item_length}, then drops column 0: the oldest history item is discarded even
 * when the history is shorter than {@code L}, and the mask is read at
 * {@code item_length - 1}.</li>
 * </ul>
 * One departure: a batch (or chunk) without any loss slot has loss 0, where RecBole's 0/0
 * aborts the run.
 *
 * <p>
 * Beside RecBole's prefix training, BERT4Rec supports {@code train_mode: all_positions}:
 * the same cloze batches over each user's training windows ({@link AllPositionsWindows}'
 * inputs, the history of the user's last training sample and the windows before it), so
 * the encoder reads each history once per epoch instead of once per prefix.
 */
public final class BERT4Rec extends SequentialRecommender {

	/** Registry name. */
	public static final String NAME = "BERT4Rec";

	/** The batch transform BERT4Rec needs. */
	public static final String TRANSFORM = "mask_itemseq";

	/** Everything the platform knows about BERT4Rec. */
	public static final ModelSpec<BERT4RecSettings> SPEC = ModelSpec
		.builder(NAME, BERT4RecSettings.class, BERT4RecSettings::from,
				(settings, context) -> new BERT4Rec(context, settings))
		.optSummary("bidirectional transformer trained on a cloze task; prefix or all_positions training")
		.optTransform(TRANSFORM)
		.build();

	private static final byte VERSION = 1;

	private static final float BPR_GAMMA = 1e-14f;

	private final int numItems;

	private final int maxSeqLength;

	private final BERT4RecSettings settings;

	private final ClozeMasking masking;

	private final EmbeddingTable itemEmbedding;

	private final EmbeddingTable positionEmbedding;

	private final LayerNorm layerNorm;

	private final InvertedDropout dropout;

	private final TransformerEncoder encoder;

	private final PredictionHead outputHead;

	private final Parameter outputBias;

	/**
	 * Builds BERT4Rec.
	 * @param context item count and sequence length
	 * @param settings the hyper-parameters
	 * @throws IllegalArgumentException if {@code int(mask_ratio * L)} is 0
	 */
	public BERT4Rec(ModelContext context, BERT4RecSettings settings) {
		super(VERSION);
		this.numItems = context.numItems();
		this.maxSeqLength = context.maxSeqLength();
		this.settings = settings;
		this.masking = new ClozeMasking(this.numItems, settings.maskSlots(this.maxSeqLength), settings.maskRatio(),
				settings.ftRatio());
		TransformerSettings encoder = settings.encoder();
		int hidden = encoder.hiddenSize();
		this.itemEmbedding = addChildBlock("item_embedding", new EmbeddingTable(this.numItems + 1L, hidden, true));
		this.positionEmbedding = addChildBlock("position_embedding",
				new EmbeddingTable(this.maxSeqLength, hidden, false));
		this.layerNorm = addChildBlock("layer_norm",
				LayerNorm.builder().axis(2).optEpsilon(encoder.layerNormEps()).build());
		this.dropout = addChildBlock("dropout", new InvertedDropout(encoder.hiddenDropoutProb()));
		this.encoder = addChildBlock("trm_encoder", encoder.standardEncoder());
		this.outputHead = addChildBlock("output", new PredictionHead(hidden, encoder.layerNormEps()));
		this.outputBias = addParameter(Parameter.builder()
			.setName("output_bias")
			.setType(Parameter.Type.BIAS)
			.optShape(new Shape(this.numItems))
			.build());
		// RecBole's _init_weights: Linear and Embedding weights normal, biases 0,
		// LayerNorm 1/0
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
	public BERT4RecSettings settings() {
		return this.settings;
	}

	/**
	 * The mask token, one past the last item.
	 * @return {@code I}
	 */
	int maskToken() {
		return this.numItems;
	}

	private NDArray embed(ParameterStore ps, NDArray itemSeq, boolean training) {
		NDArray items = this.itemEmbedding.lookup(ps, itemSeq, training);
		NDArray positions = this.positionEmbedding.weight(ps, itemSeq, training);
		NDArray x = this.layerNorm.forward(ps, new NDList(items.add(positions)), training).head();
		return this.dropout.apply(x, training);
	}

	/**
	 * Item rows {@code 0..I-1} of the embedding {@code [I, H]} (the mask row is never
	 * scored), owned by {@code like}'s manager.
	 */
	private NDArray scoredItems(ParameterStore ps, NDArray like, boolean training) {
		NDArray table = this.itemEmbedding.weight(ps, like, training);
		return table.get(like.getManager(), new NDIndex("0:{}", this.numItems));
	}

	private NDArray bias(ParameterStore ps, NDArray like, boolean training) {
		return ps.getValue(this.outputBias, like.getDevice(), training); // (I)
	}

	/**
	 * RecBole's {@code calculate_loss} on a batch completed by {@link ClozeMasking}: the
	 * mean loss over the slots whose index is positive.
	 */
	@Override
	public NDArray calculateLoss(ParameterStore ps, NDList batch) {
		NDArray masked = batch.get(BatchFields.MASK_ITEM_SEQ); // (B, L)
		NDArray x = embed(ps, masked, true);
		NDArray output = this.encoder.forward(ps, new NDList(x, AttentionMasks.bidirectional(masked)), true).head();
		NDArray index = batch.get(BatchFields.MASK_INDEX); // (B, m)
		NDArray slots = MaskedPositions.lossSlots(index); // (N)
		if (slots.getShape().get(0) == 0) {
			return output.sum().mul(0f);
		}
		NDArray states = this.outputHead.forward(ps, new NDList(MaskedPositions.gather(output, index, slots)), true)
			.head(); // (N, H)
		NDArray positives = batch.get(BatchFields.MASK_POS_ITEMS).reshape(-1).gather(slots, 0); // (N)
		NDArray bias = bias(ps, states, true);
		if (this.settings.lossType() == LossType.CE) {
			NDArray items = scoredItems(ps, states, true); // (I, H)
			NDArray logits = states.matMul(items.transpose()).add(bias); // (N, I)
			return Losses.crossEntropy(logits, positives);
		}
		NDArray negatives = batch.get(BatchFields.MASK_NEG_ITEMS).reshape(-1).gather(slots, 0); // (N)
		NDArray pos = slotScores(ps, states, positives, bias);
		NDArray neg = slotScores(ps, states, negatives, bias);
		return Losses.bpr(pos, neg, BPR_GAMMA);
	}

	/** {@code <state, item_emb[item]> + output_bias[item]} per slot. */
	private NDArray slotScores(ParameterStore ps, NDArray states, NDArray items, NDArray bias) {
		NDArray embedded = this.itemEmbedding.lookup(ps, items, true); // (N, H)
		// the gather is created in the parameter's manager: hand it to the batch's
		NDArray itemBias = bias.gather(items, 0); // (N)
		itemBias.attach(items.getManager());
		return states.mul(embedded).sum(new int[] { -1 }).add(itemBias); // (N)
	}

	/**
	 * RecBole's {@code full_sort_predict}: the history with the mask appended
	 * ({@link MaskedPositions#reconstructTestData}), read at the mask. Only the last
	 * layer's row at the mask is computed ({@link TransformerEncoder#forwardAt}), the
	 * same values for less work.
	 */
	@Override
	public NDArray fullSortPredict(ParameterStore ps, NDList batch) {
		NDArray lengths = batch.get(BatchFields.ITEM_SEQ_LEN);
		NDArray itemSeq = MaskedPositions.reconstructTestData(batch.get(BatchFields.ITEM_SEQ), lengths, maskToken());
		NDArray maskPosition = lengths.sub(1).toType(DataType.INT64, false); // (B)
		NDArray state = this.encoder.forwardAt(ps, embed(ps, itemSeq, false), AttentionMasks.bidirectional(itemSeq),
				maskPosition, false); // (B, H)
		NDArray out = this.outputHead.forward(ps, new NDList(state), false).head();
		NDArray items = scoredItems(ps, out, false); // (I, H)
		return out.matMul(items.transpose()).add(bias(ps, out, false)); // (B, I)
	}

	@Override
	public TrainingTask trainingTask(TrainMode mode, SequentialDataset data) {
		TrainingTask.Batches task = switch (mode) {
			case PREFIX -> TrainingTask.prefixes(data.train(), this.masking);
			case ALL_POSITIONS -> TrainingTask.windows(AllPositionsWindows.build(data), this.masking);
		};
		return task.withLossTerms(ClozeMasking::lossSlots);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape seq = inputShapes[0];
		Shape hidden = new Shape(seq.get(0), seq.get(1), this.settings.encoder().hiddenSize());
		this.itemEmbedding.initialize(manager, dataType, seq);
		this.positionEmbedding.initialize(manager, dataType, seq);
		this.layerNorm.initialize(manager, dataType, hidden);
		this.dropout.initialize(manager, dataType, hidden);
		this.encoder.initialize(manager, dataType, hidden, new Shape(seq.get(0), 1, 1, seq.get(1)));
		this.outputHead.initialize(manager, dataType, new Shape(seq.get(0), this.settings.encoder().hiddenSize()));
	}

}
