package io.seqrec.parity;

import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.types.DataType;
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
 * within 1e-5, for CE, BPR and NLL (whose loss includes the prototype regulariser).
 */
class SINEParityTests {

	private static final Logger logger = LoggerFactory.getLogger(SINEParityTests.class);

	@ParameterizedTest
	@ValueSource(strings = { "CE", "BPR", "NLL" })
	void scoresAndLossMatchRecBole(String loss) {
		try (RecBoleFixture fixture = RecBoleFixture.load("sine-" + loss.toLowerCase(Locale.ROOT) + ".npz")) {
			int items = (int) fixture.scalar("meta/n_items");
			SINESettings settings = SINESettings.from(HyperParameters.stored("SINE",
					Map.of("embedding_size", 16, "prototype_size", 10, "interest_size", 3, "loss_type", loss)));
			SINE model = new SINE(new ModelContext(items, 10, null), settings);
			model.initialize(fixture.manager(), DataType.FLOAT32, model.initializationShapes());
			fixture.loadWeights(model, SINEParityTests::recBoleName);
			double scoreDiff = fixture.largestScoreDifference(model);
			assertThat(scoreDiff).as("largest score difference").isLessThan(SASRecParityTests.TOLERANCE);
			double lossDiff = fixture.lossDifference(model, "BPR".equals(loss));
			assertThat(lossDiff).as("loss difference").isLessThan(SASRecParityTests.TOLERANCE);
			logger.info("SINE {}: largest score difference {}, loss difference {}", loss, scoreDiff, lossDiff);
		}
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
