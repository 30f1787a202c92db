package io.seqrec.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.seqrec.data.BatchFields;
import io.seqrec.nn.HiddenActivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class SASRecTests {

	private static final int ITEMS = 30;

	private static final int LENGTH = 6;

	@RegisterExtension
	final SeededEngine engine = new SeededEngine();

	private SASRec model(SASRecSettings settings, int items, int length) {
		SASRec model = new SASRec(new ModelContext(items, length, null), settings);
		this.engine.initialize(model);
		return model;
	}

	private static SASRecSettings small(LossType loss) {
		return new SASRecSettings(
				new TransformerSettings(2, 2, 16, 32, 0.0f, 0.0f, HiddenActivation.GELU, 1e-12f, 0.02f), loss);
	}

	private NDList batch(long[][] seq, long[] lengths, long[] targets) {
		NDArray items = this.engine.manager().create(seq);
		items.setName(BatchFields.ITEM_SEQ);
		NDArray len = this.engine.manager().create(lengths);
		len.setName(BatchFields.ITEM_SEQ_LEN);
		NDArray pos = this.engine.manager().create(targets);
		pos.setName(BatchFields.POS_ITEM);
		return new NDList(items, len, pos);
	}

	@Test
	void defaultParameterCountIsRecBoles() {
		// RecBole logs 64 * n_items + 103296 trainable parameters for the defaults (L =
		// 50)
		SASRec model = model(SASRecSettings.DEFAULTS, 1683, 50);
		assertThat(model.trainableParameterCount()).isEqualTo(64L * 1683 + 103296);
	}

	@Test
	void scoresEveryItemForEveryRowAndLossIsScalar() {
		SASRec model = model(small(LossType.CE), ITEMS, LENGTH);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		NDList batch = batch(new long[][] { { 3, 4, 5, 0, 0, 0 }, { 9, 0, 0, 0, 0, 0 } }, new long[] { 3, 1 },
				new long[] { 6, 10 });
		assertThat(model.fullSortPredict(ps, batch).getShape().getShape()).containsExactly(2, ITEMS);
		assertThat(model.calculateLoss(ps, batch).getShape().isScalar()).isTrue();
		assertThat(model.getOutputShapes(model.initializationShapes())[0].getShape()).containsExactly(1, ITEMS);
	}

	@Test
	void outputAtAPositionIgnoresLaterPositions() {
		SASRec model = model(small(LossType.CE), ITEMS, LENGTH);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		NDArray a = model.encode(ps, this.engine.manager().create(new long[][] { { 3, 4, 5, 6, 0, 0 } }), false);
		NDArray b = model.encode(ps, this.engine.manager().create(new long[][] { { 3, 4, 5, 20, 21, 22 } }), false);
		// positions 0..2 see the same items: identical outputs; position 3 differs
		NDArray prefixA = a.get(new NDIndex(":, 0:3, :"));
		NDArray prefixB = b.get(new NDIndex(":, 0:3, :"));
		assertThat(prefixA.sub(prefixB).abs().max().getFloat()).isLessThan(1e-6f);
		assertThat(a.get(new NDIndex(":, 3, :")).sub(b.get(new NDIndex(":, 3, :"))).abs().max().getFloat())
			.isGreaterThan(1e-4f);
	}

	@Test
	void inferenceAtTheLastPositionEqualsTheFullEncoderGathered() {
		// inference runs the last layer at the last position only; training (and RecBole)
		// gather it from the full output: the same representation, for 1, 2 and 3 layers
		for (int layers = 1; layers <= 3; layers++) {
			SASRecSettings settings = new SASRecSettings(
					new TransformerSettings(layers, 2, 16, 32, 0.0f, 0.0f, HiddenActivation.GELU, 1e-12f, 0.02f),
					LossType.CE);
			SASRec model = model(settings, ITEMS, LENGTH);
			ParameterStore ps = new ParameterStore(this.engine.manager(), false);
			long[][] items = { { 3, 4, 5, 6, 7, 8 }, { 9, 0, 0, 0, 0, 0 }, { 11, 12, 13, 0, 0, 0 } };
			long[] lengths = { 6, 1, 3 };
			NDList batch = batch(items, lengths, new long[] { 1, 2, 3 });
			NDArray fast = model.sequenceOutput(ps, batch, false);
			NDArray full = model.encode(ps, this.engine.manager().create(items), false);
			for (int row = 0; row < items.length; row++) {
				NDArray expected = full.get(new NDIndex("{}, {}, :", row, lengths[row] - 1));
				assertThat(fast.get(row).sub(expected).abs().max().getFloat()).as("layers %d row %d", layers, row)
					.isLessThan(1e-5f);
			}
		}
	}

	@Test
	void scoresDependOnTheRealItemsOnly() {
		SASRec model = model(small(LossType.CE), ITEMS, LENGTH);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		NDArray padded = model.fullSortPredict(ps,
				batch(new long[][] { { 3, 4, 0, 0, 0, 0 } }, new long[] { 2 }, new long[] { 1 }));
		NDArray garbage = model.fullSortPredict(ps,
				batch(new long[][] { { 3, 4, 17, 18, 19, 0 } }, new long[] { 2 }, new long[] { 1 }));
		assertThat(padded.sub(garbage).abs().max().getFloat()).isLessThan(1e-5f);
	}

	@Test
	void paddingRowGetsNoLookupGradientButDoesThroughTheOutputLayer() {
		NDList batch = batch(new long[][] { { 3, 4, 0, 0, 0, 0 }, { 5, 6, 7, 0, 0, 0 } }, new long[] { 2, 3 },
				new long[] { 8, 9 });
		NDArray bprRow0 = paddingRowGradient(LossType.BPR, batch);
		assertThat(bprRow0.abs().sum().getFloat()).isZero();
		NDArray ceRow0 = paddingRowGradient(LossType.CE, batch);
		assertThat(ceRow0.abs().sum().getFloat()).isGreaterThan(0f);
	}

	private NDArray paddingRowGradient(LossType loss, NDList batch) {
		SASRec model = model(small(loss), ITEMS, LENGTH);
		// the padding row is random after init, as in RecBole (normal re-init overwrites
		// padding_idx's zeros)
		NDArray table = itemTable(model);
		assertThat(table.get(0).abs().sum().getFloat()).isGreaterThan(0f);
		NDArray negatives = this.engine.manager().create(new long[] { 11, 12 });
		negatives.setName(BatchFields.NEG_ITEM);
		NDList full = new NDList(batch).addAll(new NDList(negatives));
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			collector.backward(model.calculateLoss(ps, full));
		}
		return table.getGradient().get(0);
	}

	@Test
	void crossEntropyOfUntrainedModelIsNearLogOfItemCount() {
		SASRec model = model(small(LossType.CE), ITEMS, LENGTH);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		float loss = model
			.calculateLoss(ps, batch(new long[][] { { 3, 4, 5, 0, 0, 0 } }, new long[] { 3 }, new long[] { 6 }))
			.getFloat();
		// tiny init weights make every logit close to 0: CE = ln(I)
		assertThat((double) loss).isCloseTo(Math.log(ITEMS), within(0.05));
	}

	@Test
	void rejectsHiddenSizeNotDivisibleByHeads() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SASRecSettings(
					new TransformerSettings(2, 3, 64, 256, 0.5f, 0.5f, HiddenActivation.GELU, 1e-12f, 0.02f),
					LossType.CE))
			.withMessage("hidden_size (64) is not divisible by n_heads (3)");
	}

	private static NDArray itemTable(SASRec model) {
		return model.getParameters().get("01item_embedding_weight").getArray();
	}

}
