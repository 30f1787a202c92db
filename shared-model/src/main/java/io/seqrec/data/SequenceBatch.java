package io.seqrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * A batch prepared on the Java side (plain int arrays, named as {@link BatchFields})
 * before it becomes native arrays. Model-specific transforms (negative sampling, BERT4Rec
 * masking, FEARec augmentation) add fields here, so all randomness of batch construction
 * stays in seeded Java code.
 */
public final class SequenceBatch {

	private final int size;

	private final Map<String, Field> fields = new LinkedHashMap<>();

	/**
	 * Creates an empty batch.
	 * @param size number of rows {@code B}
	 */
	public SequenceBatch(int size) {
		this.size = size;
	}

	/**
	 * Number of rows.
	 * @return {@code B}
	 */
	public int size() {
		return this.size;
	}

	/**
	 * Adds or replaces a field.
	 * @param name the field name
	 * @param data row-major values
	 * @param shape the shape; its product must equal {@code data.length}
	 * @return this batch
	 */
	public SequenceBatch put(String name, int[] data, long... shape) {
		long count = 1;
		for (long dim : shape) {
			count *= dim;
		}
		if (count != data.length) {
			throw new IllegalArgumentException(
					"field " + name + ": " + data.length + " values do not fill shape " + new Shape(shape));
		}
		this.fields.put(name, new Field(data, shape));
		return this;
	}

	/**
	 * Values of a field.
	 * @param name the field name
	 * @return the row-major values (not a copy)
	 */
	public int[] get(String name) {
		Field field = this.fields.get(name);
		if (field == null) {
			throw new IllegalArgumentException("batch has no field '" + name + "'; it has " + this.fields.keySet());
		}
		return field.data();
	}

	/**
	 * Whether a field is present.
	 * @param name the field name
	 * @return true if present
	 */
	public boolean has(String name) {
		return this.fields.containsKey(name);
	}

	/**
	 * Splits the batch into consecutive chunks of at most {@code maxRows} rows. Every
	 * field must have the batch's rows as its first dimension.
	 * @param maxRows the largest chunk
	 * @return the chunks, in row order (this batch itself when it is small enough)
	 */
	public List<SequenceBatch> split(int maxRows) {
		if (this.size <= maxRows) {
			return List.of(this);
		}
		List<SequenceBatch> chunks = new ArrayList<>();
		for (int from = 0; from < this.size; from += maxRows) {
			int rows = Math.min(maxRows, this.size - from);
			SequenceBatch chunk = new SequenceBatch(rows);
			for (Map.Entry<String, Field> entry : this.fields.entrySet()) {
				long[] shape = entry.getValue().shape().clone();
				if (shape.length == 0 || shape[0] != this.size) {
					throw new IllegalStateException("field " + entry.getKey() + " is not per row; cannot split");
				}
				int stride = entry.getValue().data().length / this.size;
				shape[0] = rows;
				chunk.put(entry.getKey(),
						Arrays.copyOfRange(entry.getValue().data(), from * stride, (from + rows) * stride), shape);
			}
			chunks.add(chunk);
		}
		return chunks;
	}

	/**
	 * Creates named int64 arrays for every field in the given manager (close the manager
	 * to free them).
	 * @param manager the batch's manager
	 * @return the arrays, each named after its field
	 */
	public NDList toNDList(NDManager manager) {
		NDList list = new NDList(this.fields.size());
		for (Map.Entry<String, Field> entry : this.fields.entrySet()) {
			int[] data = entry.getValue().data();
			long[] wide = new long[data.length];
			for (int i = 0; i < data.length; i++) {
				wide[i] = data[i];
			}
			NDArray array = manager.create(wide, new Shape(entry.getValue().shape()));
			array.setName(entry.getKey());
			list.add(array);
		}
		return list;
	}

	private record Field(int[] data, long[] shape) {
	}

}
