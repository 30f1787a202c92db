package io.seqrec.parity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.data.BatchFields;
import io.seqrec.model.FEARec;
import io.seqrec.model.FEARecSettings;
import io.seqrec.model.HyperParameters;
import io.seqrec.model.ModelContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FEARec against the reference RecBole, weight for weight (fixtures from
 * {@code parity/make-fixtures.sh}, trained one epoch by RecBole): with RecBole's weights
 * loaded, the eval-mode full-sort scores of RecBole's test batch (per-row delays) agree
 * within 1e-5 for the defaults, an odd sequence length, the authors' architecture and the
 * authors' full setting; the training-mode loss of RecBole's training batch (dropout 0,
 * no contrast: deterministic) agrees within 1e-5, which checks the batch-shared delays.
 */
class FEARecParityTests {

	private static final Logger logger = LoggerFactory.getLogger(FEARecParityTests.class);

	private static final Map<String, Object> ARCHITECTURE = Map.of("global_ratio", 0.6, "dual_domain", true,
			"spatial_ratio", 0.1, "std", true);

	static Stream<Arguments> fixtures() {
		Map<String, Object> authors = new LinkedHashMap<>(ARCHITECTURE);
		authors.putAll(Map.of("contrast", "us_x", "tau", 1, "sim", "dot"));
		return Stream.of(Arguments.of("fearec-default.npz", Map.of(), true),
				Arguments.of("fearec-odd.npz", Map.of(), true),
				Arguments.of("fearec-authors-ce.npz", ARCHITECTURE, true),
				// trained with us_x: RecBole's loss draws same-target rows at random
				Arguments.of("fearec-authors.npz", authors, false));
	}

	/** RecBole's state_dict name of a plain seqrec parameter name. */
	static String recBoleName(String plain) {
		return RecBoleFixture.transformerName(
				plain.replaceAll("^item_encoder_layer_(\\d+)_attention_", "item_encoder.layer.$1.hybrid_attention.")
					.replaceAll("^item_encoder_layer_(\\d+)_feed_forward_", "item_encoder.layer.$1.feed_forward."));
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void scoresAndLossMatchRecBole(String name, Map<String, Object> setting, boolean deterministicLoss) {
		try (RecBoleFixture fixture = RecBoleFixture.load(name)) {
			int items = (int) fixture.scalar("meta/n_items");
			int length = (int) fixture.get("eval/item_id_list").getShape().get(1);
			Map<String, Object> values = new LinkedHashMap<>(Map.of("hidden_size", 16, "inner_size", 32, "n_layers", 2,
					"n_heads", 2, "hidden_dropout_prob", 0.0, "attn_dropout_prob", 0.0));
			values.putAll(setting);
			FEARecSettings settings = FEARecSettings.from(HyperParameters.stored("FEARec", values));
			FEARec model = new FEARec(new ModelContext(items, length, null), settings);
			model.initialize(fixture.manager(), DataType.FLOAT32, model.initializationShapes());
			// RecBole's FEAEncoder also keeps its last block as an attribute
			// (layer_ramp), so
			// its state_dict lists that layer twice
			fixture.alias("item_encoder.layer_ramp.", "item_encoder.layer.1.");
			fixture.loadWeights(model, FEARecParityTests::recBoleName);
			ParameterStore ps = new ParameterStore(fixture.manager(), false);

			NDList test = new NDList(fixture.field("eval/item_id_list", BatchFields.ITEM_SEQ),
					fixture.field("eval/item_length", BatchFields.ITEM_SEQ_LEN));
			NDArray scores = model.fullSortPredict(ps, test);
			double scoreDiff = scores.sub(fixture.get("eval/scores")).abs().max().getFloat();
			assertThat(scoreDiff).as("largest score difference").isLessThan(SASRecParityTests.TOLERANCE);

			double lossDiff = Double.NaN;
			if (deterministicLoss) {
				NDList train = new NDList(fixture.field("train/item_id_list", BatchFields.ITEM_SEQ),
						fixture.field("train/item_length", BatchFields.ITEM_SEQ_LEN),
						fixture.field("train/item_id", BatchFields.POS_ITEM));
				lossDiff = Math.abs(model.calculateLoss(ps, train).getFloat() - fixture.scalar("train/loss"));
				assertThat(lossDiff).as("loss difference").isLessThan(SASRecParityTests.TOLERANCE);
			}
			logger.info("FEARec {} (L = {}, bands {}): largest score difference {}, loss difference {}", name, length,
					settings.ramp(length), scoreDiff, lossDiff);
		}
	}

}
