package io.seqrec.train;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Adam exactly as {@code torch.optim.Adam} (RecBole's {@code learner: adam}):
 * {@code w -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 *
 * <p>
 * DJL's {@code Adam} adds {@code eps} to {@code sqrt(v)} before the bias correction, so
 * its epsilon is in effect {@code eps / sqrt(1 - b2^t)}: about 3e-7 at the first step and
 * still 5e-8 after 50. Parameters whose gradients are that small (SINE's first attention
 * weights have gradients of about 1e-7) then learn several times more slowly in the first
 * epochs than in PyTorch. This optimizer runs DJL's fused Adam update with the epsilon
 * rescaled at every step, which gives PyTorch's update. Weight decay is PyTorch's L2 term
 * (added to the gradient), as in {@code torch.optim.Adam}.
 *
 * <p>
 * Native memory: the moment estimates live in a sub-manager of the first updated weight's
 * manager and are released by {@link #close()}, so that a trained model does not keep
 * twice its parameters in optimizer state once training is over.
 */
public final class TorchAdam extends Optimizer implements AutoCloseable {

	private final ParameterTracker learningRate;

	private final float beta1;

	private final float beta2;

	private final float epsilon;

	private final Map<String, NDArray> means = new ConcurrentHashMap<>();

	private final Map<String, NDArray> variances = new ConcurrentHashMap<>();

	private NDManager state;

	private boolean closed;

	private TorchAdam(Builder builder) {
		super(builder);
		this.learningRate = builder.learningRate;
		this.beta1 = builder.beta1;
		this.beta2 = builder.beta2;
		this.epsilon = builder.epsilon;
	}

	/**
	 * Starts a builder: betas 0.9 and 0.999, epsilon 1e-8, as PyTorch.
	 * @param learningRate the learning rate per step
	 * @return the builder
	 */
	public static Builder builder(ParameterTracker learningRate) {
		return new Builder(learningRate);
	}

	@Override
	public void update(String parameterId, NDArray weight, NDArray grad) {
		int t = updateCount(parameterId);
		double correction1 = 1 - Math.pow(this.beta1, t);
		double correction2 = Math.sqrt(1 - Math.pow(this.beta2, t));
		float lr = this.learningRate.getNewValue(parameterId, t);
		NDList inputs = new NDList(weight, grad, this.means.computeIfAbsent(parameterId, (k) -> zerosLike(weight)),
				this.variances.computeIfAbsent(parameterId, (k) -> zerosLike(weight)));
		// m / (sqrt(v) / c2 + eps) = c2 * m / (sqrt(v) + eps * c2): DJL's kernel with
		// epsilon eps * c2
		weight.getNDArrayInternal()
			.adamUpdate(inputs, new NDList(weight), lr, (float) (lr * correction2 / correction1), getWeightDecay(),
					this.rescaleGrad, this.clipGrad, this.beta1, this.beta2, (float) (this.epsilon * correction2), true,
					false);
	}

	private synchronized NDArray zerosLike(NDArray weight) {
		if (this.closed) {
			throw new IllegalStateException("this optimizer is closed");
		}
		if (this.state == null) {
			this.state = weight.getManager().newSubManager();
		}
		return this.state.zeros(weight.getShape(), weight.getDataType(), weight.getDevice());
	}

	/**
	 * Releases the moment estimates; the optimizer cannot update weights afterwards.
	 */
	@Override
	public synchronized void close() {
		this.closed = true;
		this.means.clear();
		this.variances.clear();
		if (this.state != null) {
			this.state.close();
			this.state = null;
		}
	}

	/** Builds a {@link TorchAdam}. */
	public static final class Builder extends OptimizerBuilder<Builder> {

		private final ParameterTracker learningRate;

		private float beta1 = 0.9f;

		private float beta2 = 0.999f;

		private float epsilon = 1e-8f;

		private Builder(ParameterTracker learningRate) {
			this.learningRate = learningRate;
		}

		/**
		 * Sets the betas.
		 * @param first decay of the first moment
		 * @param second decay of the second moment
		 * @return this builder
		 */
		public Builder optBetas(float first, float second) {
			this.beta1 = first;
			this.beta2 = second;
			return this;
		}

		/**
		 * Sets epsilon, added to the bias-corrected {@code sqrt(v)} as in PyTorch.
		 * @param value epsilon
		 * @return this builder
		 */
		public Builder optEpsilon(float value) {
			this.epsilon = value;
			return this;
		}

		@Override
		protected Builder self() {
			return this;
		}

		/**
		 * Builds the optimizer.
		 * @return the optimizer
		 */
		public TorchAdam build() {
			return new TorchAdam(this);
		}

	}

}
