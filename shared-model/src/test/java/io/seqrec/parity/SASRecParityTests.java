package io.seqrec.parity;

import java.util.Locale;
import java.util.Map;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.data.BatchFields;
import io.seqrec.model.HyperParameters;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SASRec;
import io.seqrec.model.SASRecSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SASRec against the reference RecBole, weight for weight: with RecBole's trained weights
 * loaded, seqrec's full-sort scores of RecBole's test batch and its training loss on
 * RecBole's training batch (dropout 0) agree with RecBole's within 1e-5, for CE and BPR.
 */
class SASRecParityTests {

	static final double TOLERANCE = 1e-5;

	private static final Logger logger = LoggerFactory.getLogger(SASRecParityTests.class);

	@ParameterizedTest
	@ValueSource(strings = { "CE", "BPR" })
	void scoresAndLossMatchRecBole(String loss) {
		try (RecBoleFixture fixture = RecBoleFixture.load("sasrec-" + loss.toLowerCase(Locale.ROOT) + ".npz")) {
			int items = (int) fixture.scalar("meta/n_items");
			SASRecSettings settings = SASRecSettings
				.from(HyperParameters.stored("SASRec", Map.of("hidden_size", 16, "inner_size", 32, "n_layers", 2,
						"n_heads", 2, "hidden_dropout_prob", 0.0, "attn_dropout_prob", 0.0, "loss_type", loss)));
			SASRec model = new SASRec(new ModelContext(items, 10, null), settings);
			model.initialize(fixture.manager(), DataType.FLOAT32, model.initializationShapes());
			fixture.loadWeights(model, RecBoleFixture::transformerName);
			ParameterStore ps = new ParameterStore(fixture.manager(), false);

			double scoreDiff = fixture.largestScoreDifference(model);
			assertThat(scoreDiff).as("largest score difference").isLessThan(TOLERANCE);

			NDList train = new NDList(fixture.field("train/item_id_list", BatchFields.ITEM_SEQ),
					fixture.field("train/item_length", BatchFields.ITEM_SEQ_LEN),
					fixture.field("train/item_id", BatchFields.POS_ITEM));
			if ("BPR".equals(loss)) {
				train.add(fixture.field("train/neg_item_id", BatchFields.NEG_ITEM));
			}
			double lossDiff = Math.abs(model.calculateLoss(ps, train).getFloat() - fixture.scalar("train/loss"));
			assertThat(lossDiff).as("loss difference").isLessThan(TOLERANCE);
			logger.info("SASRec {}: largest score difference {}, loss difference {}", loss, scoreDiff, lossDiff);
		}
	}

}
