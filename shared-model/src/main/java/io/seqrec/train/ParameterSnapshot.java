package io.seqrec.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Pair;
import ai.djl.nn.Parameter;

import io.seqrec.model.SequentialRecommender;

/**
 * A native copy of every parameter of a model, RecBole's best-epoch checkpoint. The
 * copies live in their own manager under the model's; restoring swaps them into the
 * parameter arrays themselves, so optimizers and parameter stores that hold those arrays
 * see the restored values.
 */
final class ParameterSnapshot implements AutoCloseable {

	private final NDManager manager;

	private final List<NDArray> parameters;

	private final List<NDArray> copies;

	private ParameterSnapshot(NDManager manager, List<NDArray> parameters, List<NDArray> copies) {
		this.manager = manager;
		this.parameters = parameters;
		this.copies = copies;
	}

	/**
	 * Copies the current values. The model is frozen while copying, so the copies carry
	 * no autograd history whatever the thread's grad mode.
	 * @param model an initialized model
	 * @param parent the manager to open the snapshot's manager under
	 * @return the snapshot (close it when it is replaced)
	 */
	static ParameterSnapshot capture(SequentialRecommender model, NDManager parent) {
		NDManager manager = parent.newSubManager();
		List<NDArray> parameters = new ArrayList<>();
		List<NDArray> copies = new ArrayList<>();
		model.setFrozen(true);
		try {
			for (Pair<String, Parameter> pair : model.getParameters()) {
				NDArray array = pair.getValue().getArray();
				NDArray copy = array.duplicate();
				copy.attach(manager);
				parameters.add(array);
				copies.add(copy);
			}
		}
		finally {
			model.setFrozen(false);
		}
		return new ParameterSnapshot(manager, parameters, copies);
	}

	/**
	 * Swaps the captured values into the parameters; the snapshot is spent afterwards.
	 */
	void restore() {
		for (int i = 0; i < this.parameters.size(); i++) {
			this.parameters.get(i).intern(this.copies.get(i));
		}
		this.copies.clear();
	}

	@Override
	public void close() {
		this.manager.close();
	}

}
