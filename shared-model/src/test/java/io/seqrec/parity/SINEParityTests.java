package io.seqrec.parity;

import java.util.Locale;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.model.HyperParameters;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SINE;
import io.seqrec.model.SINESettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SINE against the reference RecBole, weight for weight: with RecBole's weights after one
 * epoch loaded (D = 16, P = 10, k = 3, L = 10), seqrec's full-sort scores of RecBole's
 * test batch and its training loss on RecBole's training batch agree with RecBole's
 * within 1e-5, for CE, BPR and NLL (whose loss includes the prototype regulariser); so do
 * the gradients of the NLL loss.
 */
class SINEParityTests {

	private static final Logger logger = LoggerFactory.getLogger(SINEParityTests.class);

	@ParameterizedTest
	@ValueSource(strings = { "CE", "BPR", "NLL" })
	void scoresAndLossMatchRecBole(String loss) {
		try (RecBoleFixture fixture = RecBoleFixture.load("sine-" + loss.toLowerCase(Locale.ROOT) + ".npz")) {
			SINE model = withRecBolesWeights(fixture, loss);
			double scoreDiff = fixture.largestScoreDifference(model);
			assertThat(scoreDiff).as("largest score difference").isLessThan(SASRecParityTests.TOLERANCE);
			double lossDiff = fixture.lossDifference(model, "BPR".equals(loss));
			assertThat(lossDiff).as("loss difference").isLessThan(SASRecParityTests.TOLERANCE);
			logger.info("SINE {}: largest score difference {}, loss difference {}", loss, scoreDiff, lossDiff);
		}
	}

	/**
	 * The backward pass too: with NLL (CE plus the regulariser), the gradient of the
	 * training loss reaches every parameter as in RecBole, within 1e-4 of the parameter's
	 * largest gradient entry (some are about 1e-7: SINE's first attention barely moves).
	 */
	@Test
	void gradientsMatchRecBole() {
		try (RecBoleFixture fixture = RecBoleFixture.load("sine-nll.npz")) {
			SINE model = withRecBolesWeights(fixture, "NLL");
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				collector.backward(model.calculateLoss(new ParameterStore(fixture.manager(), false),
						fixture.trainingBatch(false)));
			}
			for (Pair<String, Parameter> pair : model.getParameters()) {
				String name = recBoleName(RecBoleFixture.plainName(pair.getKey()));
				NDArray expected = fixture.get("grad/" + name);
				float scale = expected.abs().max().getFloat();
				float diff = pair.getValue().getArray().getGradient().sub(expected).abs().max().getFloat();
				assertThat(diff).as("gradient of %s (largest entry %s)", name, scale).isLessThan(1e-4f * scale + 1e-9f);
				logger.info("SINE NLL gradient of {}: largest entry {}, largest difference {}", name, scale, diff);
			}
		}
	}

	private static SINE withRecBolesWeights(RecBoleFixture fixture, String loss) {
		int items = (int) fixture.scalar("meta/n_items");
		SINESettings settings = SINESettings.from(HyperParameters.stored("SINE",
				Map.of("embedding_size", 16, "prototype_size", 10, "interest_size", 3, "loss_type", loss)));
		SINE model = new SINE(new ModelContext(items, 10, null), settings);
		model.initialize(fixture.manager(), DataType.FLOAT32, model.initializationShapes());
		fixture.loadWeights(model, SINEParityTests::recBoleName);
		return model;
	}

	/**
	 * {@code ln2_gamma} is RecBole's {@code ln2.weight}, {@code C_weight} its
	 * {@code C.weight}.
	 */
	private static String recBoleName(String plain) {
		return plain.replaceAll("_gamma$", ".weight")
			.replaceAll("_beta$", ".bias")
			.replaceAll("^(C|item_embedding)_weight$", "$1.weight");
	}

}
