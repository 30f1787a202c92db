package io.seqrec.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Where BERT4Rec reads its mask token: the prediction input of RecBole's
 * {@code reconstruct_test_data}, and the loss slots of a cloze batch
 * ({@link ClozeMasking}).
 */
final class MaskedPositions {

	private MaskedPositions() {
	}

	/**
	 * RecBole's {@code reconstruct_test_data}: append a padding column, put the mask
	 * token at column {@code item_length}, drop column 0. The oldest history item is
	 * dropped whatever the length, and the mask lands at {@code item_length - 1}.
	 * @param itemSeq histories {@code [B, L]}, left-aligned
	 * @param lengths their lengths {@code [B]}, in {@code [1, L]}
	 * @param maskToken the mask token
	 * @return the prediction input {@code [B, L]}, in {@code itemSeq}'s manager
	 */
	static NDArray reconstructTestData(NDArray itemSeq, NDArray lengths, int maskToken) {
		long rows = itemSeq.getShape().get(0);
		long length = itemSeq.getShape().get(1);
		NDManager manager = itemSeq.getManager();
		// column j holds item j + 1, the last column padding
		NDArray shifted = NDArrays.concat(
				new NDList(itemSeq.get(new NDIndex(":, 1:")), manager.zeros(new Shape(rows, 1), itemSeq.getDataType())),
				1);
		NDArray columns = manager.arange(0, (int) length, 1, DataType.INT64).reshape(1, length);
		NDArray atMask = columns.eq(lengths.toType(DataType.INT64, false).sub(1).reshape(rows, 1));
		NDArray mask = manager.full(new Shape(rows, length), maskToken).toType(itemSeq.getDataType(), false);
		return NDArrays.where(atMask, mask, shifted);
	}

	/**
	 * The loss slots of a cloze batch: those whose position is positive (RecBole's
	 * {@code MASK_INDEX > 0}; a mask at position 0 is a padded slot).
	 * @param index the slot positions {@code [B, m]}
	 * @return flat slot numbers {@code b * m + j} {@code [N]}
	 */
	static NDArray lossSlots(NDArray index) {
		return index.reshape(-1).gt(0).nonzero().reshape(-1);
	}

	/**
	 * The encoder output at the given slots.
	 * @param output the encoder output {@code [B, L, H]}
	 * @param index the slot positions {@code [B, m]}
	 * @param slots flat slot numbers from {@link #lossSlots} {@code [N]}
	 * @return {@code [N, H]}
	 */
	static NDArray gather(NDArray output, NDArray index, NDArray slots) {
		long rows = index.getShape().get(0);
		long length = output.getShape().get(1);
		long hidden = output.getShape().get(2);
		long count = slots.getShape().get(0);
		// b * L for every slot of row b
		NDArray rowStart = index.getManager()
			.arange(0, (int) (rows * length), (int) length, DataType.INT64)
			.reshape(-1, 1)
			.broadcast(index.getShape())
			.reshape(-1);
		NDArray positions = index.reshape(-1).add(rowStart).gather(slots, 0); // (N)
		return output.reshape(-1, hidden).gather(positions.reshape(count, 1).broadcast(count, hidden), 0);
	}

}
