package io.seqrec.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * {@code torch.nn.utils.clip_grad_norm_} with the 2-norm, for RecBole's
 * {@code clip_grad_norm}: when the global norm of all gradients exceeds {@code max_norm},
 * every gradient is scaled by {@code max_norm / (norm + 1e-6)}.
 */
final class GradientClipping {

	private GradientClipping() {
	}

	static void clipGlobalNorm(Block block, double maxNorm) {
		List<NDArray> gradients = new ArrayList<>();
		try {
			double squares = 0;
			for (Pair<String, Parameter> pair : block.getParameters()) {
				NDArray array = pair.getValue().getArray();
				if (pair.getValue().requiresGradient() && array.hasGradient()) {
					NDArray gradient = array.getGradient();
					gradients.add(gradient);
					try (NDArray square = gradient.square(); NDArray sum = square.sum()) {
						squares += sum.getFloat();
					}
				}
			}
			double norm = Math.sqrt(squares);
			double scale = maxNorm / (norm + 1e-6);
			if (scale < 1) {
				for (NDArray gradient : gradients) {
					gradient.muli((float) scale);
				}
			}
		}
		finally {
			gradients.forEach(NDArray::close);
		}
	}

}
