package io.seqrec.model;

import java.util.Arrays;
import java.util.Map;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.seqrec.data.BatchFields;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * SINE's forward pass against a hand computation and an independent reference (D = 4, P =
 * 3, k = 2), its losses and regulariser, RecBole's quirks (ascending slot order, no
 * padding mask, padding row without lookup gradient) and its initialisation.
 */
class SINETests {

	private static final int D = 4;

	private static final int P = 3;

	private static final int K = 2;

	private static final int LENGTH = 3;

	private static final int ITEMS = 5;

	@RegisterExtension
	final SeededEngine engine = new SeededEngine();

	private SINE model(SINESettings settings, int items, int length) {
		SINE model = new SINE(new ModelContext(items, length, null), settings);
		this.engine.initialize(model);
		return model;
	}

	private static SINESettings tiny(LossType loss) {
		return new SINESettings(D, 1e-12f, P, K, 0.1f, 0.5f, loss);
	}

	/** Tiny weights: deterministic, different per slot; {@code w1} zero if asked. */
	private static SINEReference weights(boolean zeroW1) {
		SINEReference r = new SINEReference();
		r.items = new double[][] { { 0.2, -0.1, 0.3, 0.1 }, { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 1, 1, 0, 0 },
				{ 0, 0, 1, 0.5 } };
		r.prototypes = new double[][] { { 0.3, 0, 0, 0 }, { 1.5, 1.5, 0, 0 }, { 0, 1.5, 0, 0 } };
		r.w1 = zeroW1 ? new double[D][D] : matrix(D, D, 1);
		r.w2 = row(D, 2);
		r.w3 = matrix(D, D, 3);
		r.w4 = row(D, 4);
		r.wK1 = new double[][][] { matrix(D, D, 5), matrix(D, D, 6) };
		r.wK2 = new double[][] { row(D, 7), row(D, 8) };
		r.tau = 0.1f;
		return r;
	}

	private static double[][] matrix(int rows, int cols, int seed) {
		double[][] m = new double[rows][];
		for (int i = 0; i < rows; i++) {
			m[i] = row(cols, seed * 31 + i);
		}
		return m;
	}

	private static double[] row(int cols, int seed) {
		double[] v = new double[cols];
		for (int c = 0; c < cols; c++) {
			v[c] = (float) (0.8 * Math.sin(1.3 * c + 0.7 * seed));
		}
		return v;
	}

	/** A parameter by its name without DJL's child index ({@code C_weight}). */
	private static NDArray parameter(SINE model, String name) {
		for (Pair<String, Parameter> pair : model.getParameters()) {
			if (pair.getKey().replaceAll("^\\d\\d", "").equals(name)) {
				return pair.getValue().getArray();
			}
		}
		throw new IllegalArgumentException("no parameter " + name);
	}

	private static void load(SINE model, SINEReference r) {
		for (Pair<String, Parameter> pair : model.getParameters()) {
			String name = pair.getKey().replaceAll("^\\d\\d", "");
			Object values = switch (name) {
				case "w1" -> r.w1;
				case "w2" -> r.w2;
				case "w3" -> r.w3;
				case "w4" -> r.w4;
				case "w_k_1" -> r.wK1;
				case "w_k_2" -> r.wK2;
				case "C_weight" -> r.prototypes;
				case "item_embedding_weight" -> r.items;
				default -> null;
			};
			if (values != null) {
				NDArray array = pair.getValue().getArray();
				array.set(floats(values));
			}
		}
	}

	private static float[] floats(Object values) {
		if (values instanceof double[] v) {
			float[] f = new float[v.length];
			for (int i = 0; i < v.length; i++) {
				f[i] = (float) v[i];
			}
			return f;
		}
		Object[] parts = (Object[]) values;
		float[][] pieces = new float[parts.length][];
		int total = 0;
		for (int i = 0; i < parts.length; i++) {
			pieces[i] = floats(parts[i]);
			total += pieces[i].length;
		}
		float[] f = new float[total];
		int at = 0;
		for (float[] piece : pieces) {
			System.arraycopy(piece, 0, f, at, piece.length);
			at += piece.length;
		}
		return f;
	}

	private NDList batch(long[][] seq, long[] targets, long[] negatives) {
		NDArray items = this.engine.manager().create(seq);
		items.setName(BatchFields.ITEM_SEQ);
		long[] lengths = new long[seq.length];
		for (int i = 0; i < seq.length; i++) {
			for (long item : seq[i]) {
				lengths[i] += (item != 0) ? 1 : 0;
			}
		}
		NDArray len = this.engine.manager().create(lengths);
		len.setName(BatchFields.ITEM_SEQ_LEN);
		NDArray pos = this.engine.manager().create(targets);
		pos.setName(BatchFields.POS_ITEM);
		NDArray neg = this.engine.manager().create(negatives);
		neg.setName(BatchFields.NEG_ITEM);
		return new NDList(items, len, pos, neg);
	}

	@Test
	void defaultParameterCountIsRecBoles() {
		// MODELS.md section 6: 64 * n_items + 24256 trainable parameters for the defaults
		SINE model = model(SINESettings.DEFAULTS, 1683, 50);
		assertThat(model.trainableParameterCount()).isEqualTo(64L * 1683 + 24256);
	}

	@Test
	void theActivatedPrototypesAreTheTopKInAscendingScoreOrderScaledByTheirSigmoid() {
		SINE model = model(tiny(LossType.CE), ITEMS, LENGTH);
		load(model, weights(true));
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		NDArray x = parameter(model, "item_embedding_weight").get("1:4").expandDims(0);
		// w1 = 0: uniform attention, z = mean(e1, e2, e3) = (2/3, 2/3, 0, 0); C z = (0.2,
		// 2, 1): prototype 1 is best, prototype 2 second; ascending puts prototype 2 in
		// slot 0 and prototype 1 in slot 1
		float[] activated = model.activatedPrototypes(ps, x, false).toFloatArray();
		double sig1 = 1 / (1 + Math.exp(-1.0));
		double sig2 = 1 / (1 + Math.exp(-2.0));
		double[] expected = { 0, 1.5 * sig1, 0, 0, 1.5 * sig2, 1.5 * sig2, 0, 0 };
		for (int i = 0; i < expected.length; i++) {
			assertThat((double) activated[i]).as("entry %d", i).isCloseTo(expected[i], within(1e-6));
		}
	}

	@Test
	void theForwardPassEqualsTheReferenceWithAscendingSlotsNotDescending() {
		SINE model = model(tiny(LossType.CE), ITEMS, LENGTH);
		SINEReference r = weights(false);
		load(model, r);
		long[][] histories = { { 1, 2, 3 }, { 4, 1, 0 }, { 2, 0, 0 } };
		float[] v = model
			.userVector(new ParameterStore(this.engine.manager(), false), this.engine.manager().create(histories),
					false)
			.toFloatArray();
		double apart = 0;
		for (int b = 0; b < histories.length; b++) {
			int[] history = Arrays.stream(histories[b]).mapToInt((i) -> (int) i).toArray();
			double[] ascending = r.userVector(history, true, K);
			double[] descending = r.userVector(history, false, K);
			for (int d = 0; d < D; d++) {
				assertThat((double) v[b * D + d]).as("row %d dim %d", b, d).isCloseTo(ascending[d], within(1e-5));
				apart = Math.max(apart, Math.abs(ascending[d] - descending[d]));
			}
		}
		// the per-slot weights make the slot order visible in the output
		assertThat(apart).isGreaterThan(1e-2);
	}

	@Test
	void theRegulariserIsHalfTheSquaredOffDiagonalCovarianceAndWeighsOnlyInNll() {
		SINEReference r = weights(false);
		NDList batch = batch(new long[][] { { 1, 2, 3 }, { 4, 0, 0 } }, new long[] { 4, 1 }, new long[] { 2, 3 });
		SINE nll = model(tiny(LossType.NLL), ITEMS, LENGTH);
		load(nll, r);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		// by hand: centred rows (.225 -.075 -.075 -.075), (.75 .75 -.75 -.75),
		// (-.375 1.125 -.375 -.375); G01 = .05625, G02 = -.028125, G12 = .28125
		double byHand = 0.05625 * 0.05625 + 0.028125 * 0.028125 + 0.28125 * 0.28125;
		assertThat(r.regulariser()).isCloseTo(byHand, within(1e-12));
		NDArray like = batch.get(BatchFields.ITEM_SEQ);
		assertThat((double) nll.prototypeRegulariser(ps, like).getFloat()).isCloseTo(byHand, within(1e-6));
		SINE ce = model(tiny(LossType.CE), ITEMS, LENGTH);
		load(ce, r);
		float nllLoss = nll.calculateLoss(ps, batch).getFloat();
		float ceLoss = ce.calculateLoss(ps, batch).getFloat();
		assertThat((double) (nllLoss - ceLoss)).isCloseTo(0.5 * byHand, within(1e-5));
	}

	@Test
	void scoresIgnoreTheOrderOfTheHistoryButNotItsPadding() {
		SINE model = model(tiny(LossType.CE), ITEMS, 4);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		NDArray forward = model.fullSortPredict(ps,
				batch(new long[][] { { 1, 2, 3, 0 } }, new long[] { 1 }, new long[] { 1 }));
		NDArray shuffled = model.fullSortPredict(ps,
				batch(new long[][] { { 3, 1, 2, 0 } }, new long[] { 1 }, new long[] { 1 }));
		assertThat(forward.sub(shuffled).abs().max().getFloat()).isLessThan(1e-5f);
		// no padding mask: the padding row is part of every history shorter than L
		NDArray table = parameter(model, "item_embedding_weight");
		assertThat(table.get(0).abs().sum().getFloat()).as("random padding row").isGreaterThan(0f);
		NDArray full = model.fullSortPredict(ps,
				batch(new long[][] { { 1, 2, 3, 4 } }, new long[] { 1 }, new long[] { 1 }));
		table.set(new NDIndex("0"), 0.5f);
		NDArray forwardAgain = model.fullSortPredict(ps,
				batch(new long[][] { { 1, 2, 3, 0 } }, new long[] { 1 }, new long[] { 1 }));
		NDArray fullAgain = model.fullSortPredict(ps,
				batch(new long[][] { { 1, 2, 3, 4 } }, new long[] { 1 }, new long[] { 1 }));
		assertThat(forward.get(":, 1:").sub(forwardAgain.get(":, 1:")).abs().max().getFloat())
			.as("a padded history moves with the padding row")
			.isGreaterThan(1e-4f);
		assertThat(full.get(":, 1:").sub(fullAgain.get(":, 1:")).abs().max().getFloat()).as("a full history does not")
			.isLessThan(1e-6f);
	}

	@Test
	void paddingRowGetsNoLookupGradientButDoesThroughTheOutputLayer() {
		NDList batch = batch(new long[][] { { 3, 4, 0 }, { 1, 0, 0 } }, new long[] { 2, 4 }, new long[] { 1, 3 });
		assertThat(paddingRowGradient(LossType.BPR, batch).abs().sum().getFloat()).isZero();
		assertThat(paddingRowGradient(LossType.CE, batch).abs().sum().getFloat()).isGreaterThan(0f);
		assertThat(paddingRowGradient(LossType.NLL, batch).abs().sum().getFloat()).isGreaterThan(0f);
	}

	private NDArray paddingRowGradient(LossType loss, NDList batch) {
		SINE model = model(tiny(loss), ITEMS, LENGTH);
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			collector.backward(model.calculateLoss(ps, batch));
		}
		return parameter(model, "item_embedding_weight").getGradient().get(0);
	}

	@Test
	void tablesAreXavierNormalAndWeightMatricesNormalWithStd001() {
		SINE model = model(SINESettings.DEFAULTS, 2000, 50);
		Map<String, Double> expected = Map.of("item_embedding_weight", Math.sqrt(2.0 / (2000 + 64)), "C_weight",
				Math.sqrt(2.0 / (50 + 64)), "w_k_1", 0.01, "w1", 0.01);
		for (Map.Entry<String, Double> entry : expected.entrySet()) {
			NDArray weights = parameter(model, entry.getKey());
			double std = Math.sqrt(weights.square().mean().getFloat());
			assertThat(std).as(entry.getKey()).isCloseTo(entry.getValue(), within(entry.getValue() * 0.05));
		}
		assertThat(parameter(model, "ln2_gamma").toFloatArray()).containsOnly(1f);
		assertThat(parameter(model, "ln4_beta").toFloatArray()).containsOnly(0f);
	}

}
