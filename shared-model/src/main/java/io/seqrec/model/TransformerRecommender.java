package io.seqrec.model;

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

import io.seqrec.nn.EmbeddingTable;
import io.seqrec.nn.InvertedDropout;
import io.seqrec.nn.Losses;
import io.seqrec.nn.TransformerEncoder;

/**
 * What SASRec, BERT4Rec and FEARec share, in RecBole's layout: the item embedding
 * {@code [I, H]} (padding row 0; BERT4Rec adds its mask token's row) that doubles as the
 * output layer of SASRec and FEARec, the absolute position embedding {@code [L, H]}, the
 * input LayerNorm and dropout, and an encoder of {@code n_layers} attention and
 * feed-forward blocks (causal or bidirectional mask), initialised as RecBole's
 * {@code _init_weights} (Linear and Embedding weights {@code N(0, initializer_range)},
 * biases 0, LayerNorm 1/0). The children are registered in this order, before any block
 * of a subclass, so the parameter layout of a model is the same as before this class
 * existed.
 */
abstract class TransformerRecommender extends SequentialRecommender {

	private final int hiddenSize;

	private final EmbeddingTable itemEmbedding;

	private final EmbeddingTable positionEmbedding;

	private final LayerNorm layerNorm;

	private final InvertedDropout dropout;

	private final TransformerEncoder encoder;

	private final boolean causal;

	/**
	 * Registers the shared blocks of a model with a causal encoder and one embedding row
	 * per item.
	 * @param version the serialization version of the concrete model
	 * @param context item count and sequence length
	 * @param settings the encoder keys
	 * @param encoderName the encoder's block name (RecBole's attribute name)
	 * @param encoder the encoder
	 */
	TransformerRecommender(byte version, ModelContext context, TransformerSettings settings, String encoderName,
			TransformerEncoder encoder) {
		this(version, context, settings, context.numItems(), encoderName, encoder, true);
	}

	/**
	 * Registers the shared blocks.
	 * @param version the serialization version of the concrete model
	 * @param context item count and sequence length
	 * @param settings the encoder keys
	 * @param itemRows rows of the item embedding ({@code I}, or more for extra tokens)
	 * @param encoderName the encoder's block name (RecBole's attribute name)
	 * @param encoder the encoder
	 * @param causal whether the encoder reads a causal mask {@code [B, 1, L, L]} or a
	 * bidirectional one {@code [B, 1, 1, L]}
	 */
	TransformerRecommender(byte version, ModelContext context, TransformerSettings settings, long itemRows,
			String encoderName, TransformerEncoder encoder, boolean causal) {
		super(version, context);
		this.hiddenSize = settings.hiddenSize();
		this.causal = causal;
		this.itemEmbedding = addChildBlock("item_embedding", new EmbeddingTable(itemRows, this.hiddenSize, true));
		this.positionEmbedding = addChildBlock("position_embedding",
				new EmbeddingTable(maxSeqLength(), this.hiddenSize, false));
		this.layerNorm = addChildBlock("layer_norm",
				LayerNorm.builder().axis(2).optEpsilon(settings.layerNormEps()).build());
		this.dropout = addChildBlock("dropout", new InvertedDropout(settings.hiddenDropoutProb()));
		this.encoder = addChildBlock(encoderName, encoder);
		setInitializer(new NormalInitializer(settings.initializerRange()), Parameter.Type.WEIGHT);
	}

	/**
	 * The item embedding.
	 * @return the table
	 */
	final EmbeddingTable itemEmbedding() {
		return this.itemEmbedding;
	}

	/**
	 * The encoder.
	 * @return the block
	 */
	final TransformerEncoder encoder() {
		return this.encoder;
	}

	/**
	 * The encoder's input: {@code DO(LN(item_emb[seq] + pos_emb[0..L-1]))}.
	 * @param ps the parameter store
	 * @param itemSeq histories {@code [B, L]}
	 * @param training whether dropout is active and gradients flow
	 * @return {@code [B, L, H]}
	 */
	final NDArray embed(ParameterStore ps, NDArray itemSeq, boolean training) {
		NDArray items = this.itemEmbedding.lookup(ps, itemSeq, training); // (B, L, H)
		// (L, H)
		NDArray positions = this.positionEmbedding.weight(ps, itemSeq, training);
		NDArray x = this.layerNorm.forward(ps, new NDList(items.add(positions)), training).head();
		return this.dropout.apply(x, training);
	}

	/**
	 * Scores of every item: {@code s . item_emb^T}.
	 * @param ps the parameter store
	 * @param seqOutput sequence representations {@code [B, H]}
	 * @return {@code [B, I]}
	 */
	final NDArray scores(ParameterStore ps, NDArray seqOutput) {
		// (B, I)
		return Linear.linear(seqOutput, this.itemEmbedding.weight(ps, seqOutput, false)).head();
	}

	/**
	 * The next-item loss over the item table ({@link Losses#nextItem}).
	 * @param ps the parameter store
	 * @param seqOutput sequence representations {@code [N, H]}
	 * @param positives target ids {@code [N]}
	 * @param negatives one negative per row for BPR, null for CE
	 * @return the scalar mean loss
	 */
	final NDArray nextItemLoss(ParameterStore ps, NDArray seqOutput, NDArray positives, @Nullable NDArray negatives) {
		return Losses.nextItem(this.itemEmbedding, ps, seqOutput, positives, negatives);
	}

	/**
	 * Initialises the shared blocks; a subclass with blocks of its own initialises them
	 * after calling this.
	 */
	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape seq = inputShapes[0];
		Shape hidden = new Shape(seq.get(0), seq.get(1), this.hiddenSize);
		this.itemEmbedding.initialize(manager, dataType, seq);
		this.positionEmbedding.initialize(manager, dataType, seq);
		this.layerNorm.initialize(manager, dataType, hidden);
		this.dropout.initialize(manager, dataType, hidden);
		this.encoder.initialize(manager, dataType, hidden,
				new Shape(seq.get(0), 1, this.causal ? seq.get(1) : 1, seq.get(1)));
	}

}
