package io.seqrec.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * An in-memory copy of every parameter of a block, RecBole's best-epoch checkpoint.
 * Restoring copies the values back into the same native arrays, so optimizers and
 * parameter stores that hold those arrays keep working.
 */
final class ParameterSnapshot {

	private final List<NDArray> arrays;

	private final List<float[]> values;

	private ParameterSnapshot(List<NDArray> arrays, List<float[]> values) {
		this.arrays = arrays;
		this.values = values;
	}

	/**
	 * Copies the current values.
	 * @param block an initialized block
	 * @return the snapshot
	 */
	static ParameterSnapshot capture(Block block) {
		List<NDArray> arrays = new ArrayList<>();
		List<float[]> values = new ArrayList<>();
		for (Pair<String, Parameter> pair : block.getParameters()) {
			NDArray array = pair.getValue().getArray();
			arrays.add(array);
			values.add(array.toFloatArray());
		}
		return new ParameterSnapshot(arrays, values);
	}

	/** Writes the captured values back. */
	void restore() {
		for (int i = 0; i < this.arrays.size(); i++) {
			this.arrays.get(i).set(this.values.get(i));
		}
	}

}
