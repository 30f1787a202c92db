package io.seqrec.model;

import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.seqrec.data.BatchFields;
import io.seqrec.nn.HiddenActivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * BERT4Rec's own rules: RecBole's parameter count, scores over exactly {@code n_items}
 * columns (never the mask token), the prediction input of {@code reconstruct_test_data},
 * and a loss that averages over the masked slots with a positive index.
 */
class BERT4RecTests {

	private static final int ITEMS = 30;

	private static final int LENGTH = 5;

	@RegisterExtension
	final SeededEngine engine = new SeededEngine();

	private BERT4Rec model(BERT4RecSettings settings, int items, int length) {
		BERT4Rec model = new BERT4Rec(new ModelContext(items, length, null), settings);
		this.engine.initialize(model);
		return model;
	}

	private static BERT4RecSettings small(LossType loss) {
		return new BERT4RecSettings(
				new TransformerSettings(2, 2, 16, 32, 0.0f, 0.0f, HiddenActivation.GELU, 1e-12f, 0.02f), 0.4, loss,
				0.5);
	}

	private NDArray named(long[][] values, String name) {
		NDArray array = this.engine.manager().create(values);
		array.setName(name);
		return array;
	}

	private NDArray named(long[] values, String name) {
		NDArray array = this.engine.manager().create(values);
		array.setName(name);
		return array;
	}

	@Test
	void defaultParameterCountIsRecBoles() {
		// RecBole logs 65 * n_items + 107648 trainable parameters for the defaults (L =
		// 50): 217,043 on ml-100k
		BERT4Rec model = model(BERT4RecSettings.DEFAULTS, 1683, 50);
		assertThat(model.trainableParameterCount()).isEqualTo(217_043L).isEqualTo(65L * 1683 + 107648);
	}

	@Test
	void settingsAreRecBolesAndValidated() {
		BERT4RecSettings defaults = BERT4RecSettings.from(HyperParameters.stored(BERT4Rec.NAME, Map.of()));
		assertThat(defaults).isEqualTo(BERT4RecSettings.DEFAULTS);
		assertThat(defaults.maskSlots(50)).isEqualTo(10);
		assertThat(defaults.toMap()).containsEntry("mask_ratio", 0.2)
			.containsEntry("ft_ratio", 0.5)
			.containsEntry("loss_type", "CE")
			.containsEntry("hidden_dropout_prob", 0.2);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BERT4RecSettings.from(HyperParameters.stored(BERT4Rec.NAME, Map.of("mask_ratio", 0))))
			.withMessage("mask_ratio must be in (0, 1], got 0.0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BERT4RecSettings.from(HyperParameters.stored(BERT4Rec.NAME, Map.of("ft_ratio", 1.5))))
			.withMessage("ft_ratio must be in [0, 1], got 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BERT4RecSettings.from(HyperParameters.stored(BERT4Rec.NAME, Map.of("loss_type", "NLL"))))
			.withMessageContaining("valid choices: CE, BPR");
		assertThatIllegalArgumentException().isThrownBy(() -> model(BERT4RecSettings.DEFAULTS, ITEMS, 4))
			.withMessageContaining("leaves int(mask_ratio * L) = 0 masked positions");
	}

	@Test
	void predictionInputDropsTheOldestItemAndPutsTheMaskAtTheLastLengthPosition() {
		int mask = 99;
		NDArray seq = this.engine.manager()
			.create(new long[][] { { 5, 9, 7, 0, 0 }, { 1, 2, 3, 4, 5 }, { 4, 0, 0, 0, 0 } });
		NDArray lengths = this.engine.manager().create(new long[] { 3, 5, 1 });
		NDArray input = MaskedPositions.reconstructTestData(seq, lengths, mask);
		assertThat(input.toLongArray()).containsExactly( //
				9, 7, mask, 0, 0, // [5 9 7 0 0 0] -> [5 9 7 M 0 0] -> drop column 0
				2, 3, 4, 5, mask, // a full history loses its oldest item to the mask
				mask, 0, 0, 0, 0); // a one-item history loses its only item
	}

	@Test
	void scoresHaveExactlyOneColumnPerItemAndNoneForTheMaskToken() {
		BERT4Rec model = model(small(LossType.CE), ITEMS, LENGTH);
		assertThat(model.maskToken()).isEqualTo(ITEMS);
		NDList batch = new NDList(named(new long[][] { { 3, 4, 5, 0, 0 }, { 9, 0, 0, 0, 0 } }, BatchFields.ITEM_SEQ),
				named(new long[] { 3, 1 }, BatchFields.ITEM_SEQ_LEN));
		NDArray scores = model.fullSortPredict(new ParameterStore(this.engine.manager(), false), batch);
		assertThat(scores.getShape().getShape()).containsExactly(2, ITEMS);
	}

	private float loss(BERT4Rec model, long[][] positives, long[][] index) {
		long[][] negatives = new long[positives.length][positives[0].length];
		for (int r = 0; r < positives.length; r++) {
			for (int s = 0; s < positives[r].length; s++) {
				negatives[r][s] = (positives[r][s] == 0) ? 0 : 1 + (positives[r][s] % (ITEMS - 1));
			}
		}
		NDList batch = new NDList(
				named(new long[][] { { 3, ITEMS, ITEMS, 6, 0 }, { ITEMS, 8, ITEMS, 0, 0 } }, BatchFields.MASK_ITEM_SEQ),
				named(positives, BatchFields.MASK_POS_ITEMS), named(negatives, BatchFields.MASK_NEG_ITEMS),
				named(index, BatchFields.MASK_INDEX));
		return model.calculateLoss(new ParameterStore(this.engine.manager(), false), batch).getFloat();
	}

	@Test
	void theLossIsTheMeanOverSlotsWithAPositiveIndex() {
		for (LossType type : new LossType[] { LossType.CE, LossType.BPR }) {
			BERT4Rec model = model(small(type), ITEMS, LENGTH);
			float first = loss(model, new long[][] { { 0, 4 }, { 0, 0 } }, new long[][] { { 0, 1 }, { 0, 0 } });
			float second = loss(model, new long[][] { { 0, 5 }, { 0, 0 } }, new long[][] { { 0, 2 }, { 0, 0 } });
			float third = loss(model, new long[][] { { 0, 0 }, { 0, 11 } }, new long[][] { { 0, 0 }, { 0, 2 } });
			float all = loss(model, new long[][] { { 4, 5 }, { 0, 11 } }, new long[][] { { 1, 2 }, { 0, 2 } });
			assertThat(all).as(type.name()).isCloseTo((first + second + third) / 3, within(1e-5f));
			// a mask at position 0 has index 0: whatever its item, it adds nothing
			float withPositionZero = loss(model, new long[][] { { 4, 5 }, { 17, 11 } },
					new long[][] { { 1, 2 }, { 0, 2 } });
			assertThat(withPositionZero).as(type.name()).isEqualTo(all);
			assertThat(loss(model, new long[][] { { 0, 0 }, { 9, 0 } }, new long[][] { { 0, 0 }, { 0, 0 } }))
				.as("no slot with a loss")
				.isZero();
		}
	}

}
