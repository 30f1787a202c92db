package io.seqrec.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The model tests' engine state: before each test the engine's generator is seeded with
 * {@link #SEED} and a fresh manager opened; after it the manager (and every array and
 * model in it) is closed. Register it with {@code @RegisterExtension}.
 */
final class SeededEngine implements BeforeEachCallback, AfterEachCallback {

	/** The seed every model test starts from. */
	static final int SEED = 7;

	private NDManager manager;

	@Override
	public void beforeEach(ExtensionContext context) {
		Engine.getInstance().setRandomSeed(SEED);
		this.manager = NDManager.newBaseManager();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.manager.close();
	}

	/**
	 * The test's manager.
	 * @return the manager opened for the running test
	 */
	NDManager manager() {
		return this.manager;
	}

	/**
	 * Initializes a model's parameters in the test's manager.
	 * @param <M> the model type
	 * @param model the model
	 * @return the model
	 */
	<M extends SequentialRecommender> M initialize(M model) {
		model.initialize(this.manager, DataType.FLOAT32, model.initializationShapes());
		return model;
	}

}
