package io.seqrec.parity;

import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.data.BatchFields;
import io.seqrec.model.BERT4Rec;
import io.seqrec.model.BERT4RecSettings;
import io.seqrec.model.HyperParameters;
import io.seqrec.model.ModelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BERT4Rec against the reference RecBole, weight for weight: with RecBole's weights
 * loaded, seqrec's full-sort scores of RecBole's test batch (RecBole's prediction input,
 * mask appended and oldest item dropped) and its loss on RecBole's already-masked
 * training batch (dropout 0) agree with RecBole's within 1e-5, for CE and BPR. The
 * {@code short} fixture (initial weights, {@code L = 100}) has test histories shorter
 * than {@code L}, where RecBole still drops the oldest item.
 */
class BERT4RecParityTests {

	private static final Logger logger = LoggerFactory.getLogger(BERT4RecParityTests.class);

	@ParameterizedTest
	@CsvSource({ "ce, CE, 10", "bpr, BPR, 10", "short, CE, 100" })
	void scoresAndLossMatchRecBole(String fixtureName, String loss, int maxLength) {
		try (RecBoleFixture fixture = RecBoleFixture.load("bert4rec-" + fixtureName + ".npz")) {
			int items = (int) fixture.scalar("meta/n_items");
			BERT4RecSettings settings = BERT4RecSettings
				.from(HyperParameters.stored(BERT4Rec.NAME, Map.of("hidden_size", 16, "inner_size", 32, "n_layers", 2,
						"n_heads", 2, "hidden_dropout_prob", 0.0, "attn_dropout_prob", 0.0, "loss_type", loss)));
			BERT4Rec model = new BERT4Rec(new ModelContext(items, maxLength, null), settings);
			model.initialize(fixture.manager(), DataType.FLOAT32, model.initializationShapes());
			fixture.loadWeights(model, BERT4RecParityTests::recBoleName);
			ParameterStore ps = new ParameterStore(fixture.manager(), false);

			double scoreDiff = fixture.largestScoreDifference(model);
			assertThat(scoreDiff).as("largest score difference").isLessThan(SASRecParityTests.TOLERANCE);

			NDList train = new NDList(fixture.field("train/Mask_item_id_list", BatchFields.MASK_ITEM_SEQ),
					fixture.field("train/Pos_item_id", BatchFields.MASK_POS_ITEMS),
					fixture.field("train/Neg_item_id", BatchFields.MASK_NEG_ITEMS),
					fixture.field("train/MASK_INDEX", BatchFields.MASK_INDEX));
			double lossDiff = Math.abs(model.calculateLoss(ps, train).getFloat() - fixture.scalar("train/loss"));
			assertThat(lossDiff).as("loss difference").isLessThan(SASRecParityTests.TOLERANCE);
			logger.info("BERT4Rec {} ({}): largest score difference {}, loss difference {} (RecBole loss {})",
					fixtureName.toUpperCase(Locale.ROOT), loss, scoreDiff, lossDiff, fixture.scalar("train/loss"));
		}
	}

	/** RecBole's name of a seqrec BERT4Rec parameter. */
	private static String recBoleName(String plain) {
		return switch (plain) {
			case "output_bias" -> "output_bias";
			case "output_ln_gamma" -> "output_ln.weight";
			case "output_ln_beta" -> "output_ln.bias";
			default -> RecBoleFixture.transformerName(plain);
		};
	}

}
