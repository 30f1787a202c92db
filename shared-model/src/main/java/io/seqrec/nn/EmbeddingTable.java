package io.seqrec.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An embedding table {@code [rows, dim]} that doubles as the output layer of the sequence
 * models (scores are {@code s . W^T}).
 *
 * <p>
 * With {@code paddingIdx} set, it reproduces PyTorch's {@code Embedding(padding_idx=0)}
 * after RecBole's re-initialisation: row 0 holds a random vector that padding positions
 * do see in the forward pass, but the lookup passes no gradient into it. Gradient still
 * reaches row 0 through the full matrix when it serves as the output layer.
 */
public final class EmbeddingTable extends AbstractBlock {

	private static final byte VERSION = 1;

	private final long rows;

	private final long dim;

	private final boolean maskPaddingGradient;

	private final Parameter weight;

	/**
	 * Creates a table.
	 * @param rows number of rows (ids {@code 0..rows-1})
	 * @param dim embedding size
	 * @param maskPaddingGradient whether id 0 is padding (no lookup gradient into row 0)
	 */
	public EmbeddingTable(long rows, long dim, boolean maskPaddingGradient) {
		super(VERSION);
		if (rows <= 0 || dim <= 0) {
			throw new IllegalArgumentException("embedding table needs positive sizes, got [" + rows + ", " + dim + "]");
		}
		this.rows = rows;
		this.dim = dim;
		this.maskPaddingGradient = maskPaddingGradient;
		this.weight = addParameter(Parameter.builder()
			.setName("weight")
			.setType(Parameter.Type.WEIGHT)
			.optShape(new Shape(rows, dim))
			.build());
	}

	/**
	 * Looks up rows.
	 * @param parameterStore the parameter store
	 * @param ids integer ids of any shape {@code S}
	 * @param training whether gradients are being collected
	 * @return embeddings of shape {@code S x dim}, owned by the ids' manager
	 */
	public NDArray lookup(ParameterStore parameterStore, NDArray ids, boolean training) {
		NDArray table = weight(parameterStore, ids, training);
		NDArray emb = Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
		if (this.maskPaddingGradient && training) {
			NDArray isPad = ids.eq(0).expandDims(-1).broadcast(emb.getShape());
			emb = NDArrays.where(isPad, emb.stopGradient(), emb);
		}
		return emb;
	}

	/**
	 * The whole table, for use as an output layer or a broadcast addition.
	 * @param parameterStore the parameter store
	 * @param like an array on the target device
	 * @param training whether gradients are being collected
	 * @return the {@code [rows, dim]} parameter array (owned by the model, never close
	 * it)
	 */
	public NDArray weight(ParameterStore parameterStore, NDArray like, boolean training) {
		return parameterStore.getValue(this.weight, like.getDevice(), training);
	}

	/**
	 * Number of rows.
	 * @return the row count
	 */
	public long rows() {
		return this.rows;
	}

	/**
	 * Embedding size.
	 * @return the column count
	 */
	public long dim() {
		return this.dim;
	}

	@Override
	protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
			PairList<String, Object> params) {
		return new NDList(lookup(parameterStore, inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(Shape[] inputShapes) {
		return new Shape[] { inputShapes[0].add(this.dim) };
	}

	@Override
	protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
		// no children
	}

}
