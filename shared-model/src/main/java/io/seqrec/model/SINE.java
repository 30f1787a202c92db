package io.seqrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequentialDataset;
import io.seqrec.nn.EmbeddingTable;
import io.seqrec.nn.Losses;
import io.seqrec.nn.Scalars;

/**
 * SINE: sparse-interest network (Tan et al., WSDM 2021,
 * <a href="https://arxiv.org/abs/2102.09267">arXiv:2102.09267</a>), as RecBole implements
 * it ({@code recbole/model/sequential_recommender/sine.py}).
 *
 * <p>
 * Letters: {@code B} batch, {@code N} positions ({@code = L}), {@code D}
 * {@code embedding_size}, {@code P} {@code prototype_size}, {@code k}
 * {@code interest_size}, {@code I} {@code n_items}. From the history's embeddings
 * {@code X}: an attention-pooled summary picks the {@code k} best-matching prototypes of
 * {@code C}, each scaled by the sigmoid of its score; every position is softly assigned
 * to these interests, and per-slot attention pools the positions into {@code k} interest
 * embeddings; a prototype-sequence summary then weights the interests (softmax with
 * temperature {@code tau_ratio}) into the user vector {@code v}. Scores are
 * {@code v . item_emb^T} over all {@code I} rows.
 *
 * <p>
 * RecBole's choices, reproduced on purpose:
 * <ul>
 * <li>the {@code k} prototypes sit in <b>ascending</b> score order (slot {@code k-1} is
 * the best), which matters because {@code w_k_1} and {@code w_k_2} are per-slot
 * weights;</li>
 * <li>no padding mask anywhere: padding positions carry row 0 of the item table (random
 * after the xavier-normal init, like every row) into every softmax and sum, so the number
 * of padding positions shapes the output; {@code item_length} is unused;</li>
 * <li>the item table is an {@code Embedding(padding_idx=0)}: row 0 gets no gradient
 * through lookups, but does through the CE/NLL output layer; the prototype table has no
 * padding row;</li>
 * <li>{@code w3} serves both the intention assignment and the prototype-sequence
 * attention;</li>
 * <li>the prototype covariance regulariser, weighted by {@code reg_loss_ratio}, is added
 * only with {@code loss_type NLL} (NLL of log-softmax, otherwise equal to CE);</li>
 * <li>initialisation: xavier-normal item and prototype tables ({@code std =
 * sqrt(2 / (rows + D))}), Normal(0, 0.01) weight matrices, LayerNorm 1/0.</li>
 * </ul>
 *
 * <p>
 * SINE pools the history without order, so it supports RecBole's {@code prefix} training
 * only. BPR takes its negatives from {@code train_neg_sample_args}, as RecBole's loader
 * draws them for this {@code PAIRWISE} model.
 */
public final class SINE extends SequentialRecommender {

	/** Registry name. */
	public static final String NAME = "SINE";

	/** Everything the platform knows about SINE. */
	public static final ModelSpec<SINESettings> SPEC = ModelSpec
		.builder(NAME, SINESettings.class, SINESettings::from, (settings, context) -> new SINE(context, settings))
		.optSummary("sparse-interest network: k of P prototypes become interests, aggregated per user; prefix "
				+ "training")
		.optUnsupported(TrainMode.ALL_POSITIONS,
				"SINE pools the whole history without order or causal mask, so one pass cannot give the "
						+ "prediction after each prefix")
		.build();

	private static final byte VERSION = 1;

	/** RecBole's hard-coded standard deviation of the weight matrices. */
	private static final float INITIALIZER_RANGE = 0.01f;

	private final SINESettings settings;

	private final EmbeddingTable itemEmbedding;

	private final EmbeddingTable prototypes;

	private final Parameter w1;

	private final Parameter w2;

	private final Parameter w3;

	private final Parameter w4;

	private final Parameter wK1;

	private final Parameter wK2;

	private final LayerNorm ln2;

	private final LayerNorm ln4;

	/**
	 * Builds SINE.
	 * @param context item count and sequence length
	 * @param settings the hyper-parameters
	 */
	public SINE(ModelContext context, SINESettings settings) {
		super(VERSION, context);
		this.settings = settings;
		int d = settings.embeddingSize();
		int k = settings.interestSize();
		this.w1 = weight("w1", new Shape(d, d));
		this.w2 = weight("w2", new Shape(d));
		this.w3 = weight("w3", new Shape(d, d));
		this.w4 = weight("w4", new Shape(d));
		this.wK1 = weight("w_k_1", new Shape(k, d, d));
		this.wK2 = weight("w_k_2", new Shape(k, d));
		this.prototypes = addChildBlock("C", new EmbeddingTable(settings.prototypeSize(), d, false));
		this.itemEmbedding = addChildBlock("item_embedding", new EmbeddingTable(numItems(), d, true));
		this.ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).optEpsilon(settings.layerNormEps()).build());
		this.ln4 = addChildBlock("ln4", LayerNorm.builder().axis(2).optEpsilon(settings.layerNormEps()).build());
		// torch's xavier_normal_ on a [rows, D] table has std sqrt(2 / (rows + D)):
		// DJL's gaussian Xavier with factor (fan_in + fan_out) / 2 and magnitude 1
		XavierInitializer xavier = new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
				XavierInitializer.FactorType.AVG, 1f);
		this.prototypes.setInitializer(xavier, Parameter.Type.WEIGHT);
		this.itemEmbedding.setInitializer(xavier, Parameter.Type.WEIGHT);
	}

	private Parameter weight(String name, Shape shape) {
		return addParameter(Parameter.builder()
			.setName(name)
			.setType(Parameter.Type.WEIGHT)
			.optShape(shape)
			.optInitializer(new NormalInitializer(INITIALIZER_RANGE))
			.build());
	}

	@Override
	public String modelName() {
		return NAME;
	}

	@Override
	public SINESettings settings() {
		return this.settings;
	}

	@Override
	public TrainingTask trainingTask(TrainMode mode, SequentialDataset data) {
		if (mode != TrainMode.PREFIX) {
			throw new IllegalArgumentException(SPEC.unsupportedReason(mode));
		}
		return TrainingTask.prefixes(data.train(), this.settings.needsSampledNegatives()
				? BatchTransform.uniformNegatives(numItems()) : BatchTransform.NONE);
	}

	/**
	 * RecBole's {@code forward}: the user vector of each history.
	 * @param ps the parameter store
	 * @param itemSeq histories {@code [B, N]}
	 * @param training whether gradients are being collected
	 * @return {@code [B, D]}
	 */
	NDArray userVector(ParameterStore ps, NDArray itemSeq, boolean training) {
		NDArray x = this.itemEmbedding.lookup(ps, itemSeq, training); // (B, N, D)
		NDArray interests = activatedPrototypes(ps, x, training); // (B, k, D)
		NDArray assignment = intentionAssignment(ps, x, interests, training); // (B, N, k)
		NDArray delta = interestEmbeddings(ps, x, assignment, training); // (B, k, D)
		NDArray xBar = assignment.batchMatMul(interests); // (B, N, D)
		NDArray w3 = value(ps, this.w3, x, training);
		NDArray w4 = value(ps, this.w4, x, training);
		NDArray beta = xBar.matMul(w3).tanh().matMul(w4).softmax(1); // (B, N)
		NDArray target = beta.expandDims(1).batchMatMul(xBar); // (B, 1, D)
		target = this.ln4.forward(ps, new NDList(target), training).head();
		NDArray e = delta.batchMatMul(target.transpose(0, 2, 1)).squeeze(2); // (B, k)
		e = Scalars.div(e, this.settings.tauRatio()).softmax(1);
		return e.expandDims(1).batchMatMul(delta).squeeze(1); // (B, D)
	}

	/**
	 * Concept activation: the top-k prototypes by {@code C z}, in ascending score order,
	 * scaled by {@code sigmoid(score)}.
	 */
	NDArray activatedPrototypes(ParameterStore ps, NDArray x, boolean training) {
		NDArray w1 = value(ps, this.w1, x, training);
		NDArray w2 = value(ps, this.w2, x, training);
		NDArray a = x.matMul(w1).tanh().matMul(w2).softmax(1); // (B, N)
		NDArray z = a.expandDims(1).batchMatMul(x).squeeze(1); // (B, D)
		// (B, P)
		NDArray s = Linear.linear(z, this.prototypes.weight(ps, x, training)).head();
		NDList top = s.topK(this.settings.interestSize(), 1, true, true); // descending
		NDArray scores = top.get(0).flip(1); // (B, k) ascending, as RecBole's argsort
		NDArray ids = top.get(1).flip(1); // (B, k)
		return this.prototypes.lookup(ps, ids, training).mul(Activation.sigmoid(scores).expandDims(2));
	}

	/** Softmax over the {@code k} interests of each position's match with them. */
	private NDArray intentionAssignment(ParameterStore ps, NDArray x, NDArray interests, boolean training) {
		NDArray w3 = value(ps, this.w3, x, training);
		NDArray xNorm = x.matMul(w3).normalize(2, 2, 1e-12); // (B, N, D)
		// (B, k, D)
		NDArray cNorm = this.ln2.forward(ps, new NDList(interests), training).head();
		return xNorm.batchMatMul(cNorm.transpose(0, 2, 1)).softmax(2); // (B, N, k)
	}

	/**
	 * Per-slot attention over positions, times the assignment, pools the items into
	 * L2-normalised interest embeddings.
	 */
	private NDArray interestEmbeddings(ParameterStore ps, NDArray x, NDArray assignment, boolean training) {
		NDArray wK1 = value(ps, this.wK1, x, training); // (k, D, D)
		NDArray wK2 = batchOwned(value(ps, this.wK2, x, training), x); // (k, D)
		NDArray perSlot = x.expandDims(1).matMul(wK1).tanh(); // (B, k, N, D)
		// (B, k, N)
		NDArray attention = perSlot.matMul(wK2.expandDims(2)).squeeze(3).softmax(2);
		NDArray weights = assignment.transpose(0, 2, 1).mul(attention); // (B, k, N)
		return weights.batchMatMul(x).normalize(2, 2, 1e-12); // (B, k, D)
	}

	/**
	 * The training loss of a prefix batch: CE over all items, BPR against the sampled
	 * negative, or NLL (CE) plus {@code reg_loss_ratio} times the prototype regulariser.
	 */
	@Override
	public NDArray calculateLoss(ParameterStore ps, NDList batch) {
		NDArray v = userVector(ps, batch.get(BatchFields.ITEM_SEQ), true); // (B, D)
		NDArray positives = batch.get(BatchFields.POS_ITEM);
		if (this.settings.lossType() == LossType.BPR) {
			NDArray negatives = batch.get(BatchFields.NEG_ITEM);
			NDArray pos = v.mul(this.itemEmbedding.lookup(ps, positives, true)).sum(new int[] { -1 });
			NDArray neg = v.mul(this.itemEmbedding.lookup(ps, negatives, true)).sum(new int[] { -1 });
			return Losses.bpr(pos, neg);
		}
		NDArray table = this.itemEmbedding.weight(ps, v, true); // (I, D)
		NDArray logits = Linear.linear(v, table).head(); // (B, I)
		NDArray loss = Losses.crossEntropy(logits, positives);
		if (this.settings.lossType() == LossType.NLL) {
			loss = loss.add(Scalars.mul(prototypeRegulariser(ps, v), this.settings.regLossRatio()));
		}
		return loss;
	}

	/**
	 * RecBole's {@code calculate_reg_loss}: half the sum of squared off-diagonal entries
	 * of the prototypes' covariance {@code G = Cc Cc^T / D}, {@code Cc} each prototype
	 * centred over its {@code D} entries. Every array belongs to the batch's manager.
	 * @param ps the parameter store
	 * @param like an array of the batch
	 * @return a scalar
	 */
	NDArray prototypeRegulariser(ParameterStore ps, NDArray like) {
		NDArray c = batchOwned(this.prototypes.weight(ps, like, true), like); // (P, D)
		NDArray centred = c.sub(c.mean(new int[] { 1 }, true)); // (P, D)
		NDArray covariance = Scalars.div(Linear.linear(centred, centred).head(), this.settings.embeddingSize());
		// (P, P)
		NDArray offDiagonal = like.getManager().eye(this.settings.prototypeSize()).neg().add(1f);
		return Scalars.mul(covariance.square().mul(offDiagonal).sum(), 0.5f);
	}

	@Override
	public NDArray fullSortPredict(ParameterStore ps, NDList batch) {
		NDArray v = userVector(ps, batch.get(BatchFields.ITEM_SEQ), false); // (B, D)
		return Linear.linear(v, this.itemEmbedding.weight(ps, v, false)).head(); // (B, I)
	}

	private static NDArray value(ParameterStore ps, Parameter parameter, NDArray like, boolean training) {
		return ps.getValue(parameter, like.getDevice(), training);
	}

	/**
	 * A parameter as an operand owned by the batch (zero plus the parameter, recorded by
	 * autograd), so that the operations applied to it belong to the batch's manager and
	 * close with it instead of accumulating in the model's.
	 */
	private static NDArray batchOwned(NDArray parameter, NDArray like) {
		return like.getManager().zeros(new Shape(), parameter.getDataType(), parameter.getDevice()).add(parameter);
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		Shape seq = inputShapes[0];
		long batch = seq.get(0);
		int d = this.settings.embeddingSize();
		this.itemEmbedding.initialize(manager, dataType, seq);
		this.prototypes.initialize(manager, dataType, new Shape(batch, this.settings.interestSize()));
		this.ln2.initialize(manager, dataType, new Shape(batch, this.settings.interestSize(), d));
		this.ln4.initialize(manager, dataType, new Shape(batch, 1, d));
	}

}
