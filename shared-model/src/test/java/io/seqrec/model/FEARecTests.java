package io.seqrec.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.BatchFields;
import io.seqrec.data.PlantedSequences;
import io.seqrec.data.SequentialDataset;
import io.seqrec.data.SequentialDatasetBuilder;
import io.seqrec.nn.ContrastiveLosses;
import io.seqrec.run.Experiment;
import io.seqrec.train.TrainingListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * FEARec beyond the registry-wide contract: RecBole's parameter count, each contrastive
 * objective and regulariser wired as RecBole adds them (checked exactly with dropout 0,
 * where the dropout view equals the sequence), gradients to every parameter under each,
 * batches never chunked, and a planted periodic pattern learnt.
 */
class FEARecTests {

	private static final int LENGTH = 10;

	/** 60 users repeating motifs of 4 of 30 items. */
	private static final SequentialDataset DATA = SequentialDatasetBuilder
		.build(PlantedSequences.periodic(30, 4, 60, 14, 0.0, 5), LENGTH);

	@RegisterExtension
	final SeededEngine engine = new SeededEngine();

	private static Map<String, Object> small(Object... extra) {
		Map<String, Object> values = new LinkedHashMap<>(Map.of("hidden_size", 16, "inner_size", 32,
				"hidden_dropout_prob", 0.0, "attn_dropout_prob", 0.0, "MAX_ITEM_LIST_LENGTH", LENGTH));
		for (int i = 0; i < extra.length; i += 2) {
			values.put((String) extra[i], extra[i + 1]);
		}
		return values;
	}

	private FEARec model(Map<String, Object> values) {
		Engine.getInstance().setRandomSeed(SeededEngine.SEED);
		FEARec model = new FEARec(new ModelContext(DATA.numItems(), LENGTH, null),
				FEARecSettings.from(HyperParameters.stored(FEARec.NAME, values)));
		this.engine.initialize(model);
		return model;
	}

	/** The first 32 training rows, completed by the model's transform. */
	private static NDList batch(FEARec model, NDManager manager) {
		TrainingTask.Batches task = (TrainingTask.Batches) model.trainingTask(TrainMode.PREFIX, DATA);
		int[] order = new int[task.rows()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		return task.batch(order, 0, 32, new SplittableRandom(5)).toNDList(manager);
	}

	@Test
	void theDefaultParameterCountIsRecBoles() {
		// RecBole logs 211,008 trainable parameters for the defaults on ml-100k, as
		// SASRec
		FEARec model = new FEARec(new ModelContext(1683, 50, null), FEARecSettings.DEFAULTS);
		this.engine.initialize(model);
		assertThat(model.trainableParameterCount()).isEqualTo(211_008L);
	}

	@Test
	void eachObjectiveAddsItsTermsAsRecBole() {
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		FEARec plain = model(small());
		NDList batch = batch(model(small("contrast", "su", "tau", 0.5, "sim", "cos")), this.engine.manager());
		NDArray s = plain.sequenceOutput(ps, batch.get(BatchFields.ITEM_SEQ), batch.get(BatchFields.ITEM_SEQ_LEN),
				true);
		NDArray z = plain.sequenceOutput(ps, batch.get(BatchFields.SAME_TARGET_SEQ),
				batch.get(BatchFields.SAME_TARGET_SEQ_LEN), true);
		float base = plain.calculateLoss(ps, batch).getFloat();
		float selfNce = ContrastiveLosses.infoNce(s, s, 0.5f, ContrastiveLosses.Similarity.COS).getFloat();
		float sameNce = ContrastiveLosses.infoNce(s, z, 0.5f, ContrastiveLosses.Similarity.COS).getFloat();
		float spectral = ContrastiveLosses.spectralDistance(s, z).getFloat();
		assertThat(sameNce).isNotCloseTo(selfNce, within(1e-3f));
		assertThat(spectral).isGreaterThan(0f);
		// with dropout 0 the second dropout view a equals s
		Map<String, Float> expected = new LinkedHashMap<>();
		expected.put("un", base + 0.2f * selfNce);
		expected.put("su", base + 0.3f * sameNce);
		expected.put("us", base + 0.2f * selfNce + 0.3f * sameNce);
		expected.put("us_x", base + 0.3f * sameNce);
		for (Map.Entry<String, Float> entry : expected.entrySet()) {
			FEARec model = model(
					small("contrast", entry.getKey(), "tau", 0.5, "sim", "cos", "lmd", 0.2, "lmd_sem", 0.3));
			assertThat(model.calculateLoss(ps, batch).getFloat()).as(entry.getKey())
				.isCloseTo(entry.getValue(), within(1e-4f));
		}
		// fredom, with us_x only: 0.1 D(s, a) = 0, 0.1 D(s, z), both, or 0.1 D(a, z)
		Map<String, Float> fredom = Map.of("un", base + 0.3f * sameNce, "su", base + 0.3f * sameNce + 0.1f * spectral,
				"us", base + 0.3f * sameNce + 0.1f * spectral, "us_x", base + 0.3f * sameNce + 0.1f * spectral);
		for (Map.Entry<String, Float> entry : fredom.entrySet()) {
			FEARec model = model(small("contrast", "us_x", "tau", 0.5, "sim", "cos", "lmd_sem", 0.3, "fredom", true,
					"fredom_type", entry.getKey()));
			assertThat(model.calculateLoss(ps, batch).getFloat()).as("fredom_type " + entry.getKey())
				.isCloseTo(entry.getValue(), within(1e-4f));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "un", "su", "us", "us_x" })
	void gradientsReachEveryParameterUnderEachObjectiveWithDropout(String contrast) {
		FEARec model = model(small("hidden_dropout_prob", 0.2, "attn_dropout_prob", 0.2, "contrast", contrast, "tau", 1,
				"sim", "dot", "dual_domain", true, "std", true, "global_ratio", 0.6, "spatial_ratio", 0.1, "fredom",
				"us_x".equals(contrast), "fredom_type", "us"));
		ParameterStore ps = new ParameterStore(this.engine.manager(), false);
		try (NDManager batchManager = this.engine.manager().newSubManager();
				GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			NDArray loss = model.calculateLoss(ps, batch(model, batchManager));
			assertThat(Float.isFinite(loss.getFloat())).isTrue();
			collector.backward(loss);
		}
		for (Pair<String, Parameter> pair : model.getParameters()) {
			assertThat(pair.getValue().getArray().getGradient().abs().sum().getFloat()).as(pair.getKey())
				.isGreaterThan(0f);
		}
	}

	@Test
	void batchesAreNeverChunkedAndCarrySameTargetRowsOnlyWhenNeeded() {
		for (String contrast : new String[] { "none", "un", "su", "us", "us_x" }) {
			FEARec model = model(small("contrast", contrast, "tau", 1, "sim", "dot"));
			TrainingTask.Batches task = (TrainingTask.Batches) model.trainingTask(TrainMode.PREFIX, DATA);
			assertThat(task.chunkable()).as(contrast).isFalse();
			boolean sameTarget = List.of("su", "us", "us_x").contains(contrast);
			assertThat(batch(model, this.engine.manager()).contains(BatchFields.SAME_TARGET_SEQ)).as(contrast)
				.isEqualTo(sameTarget);
		}
	}

	@Test
	void learnsAPlantedPeriodicPattern() {
		// each user repeats 4 of 30 items: the next item is the one 4 positions back,
		// which
		// the last item alone does not tell
		Config config = ModelRegistry.loadConfig(new ConfigRequest(FEARec.NAME, "periodic", List.of(), Map.of(),
				Map.ofEntries(Map.entry("MAX_ITEM_LIST_LENGTH", Integer.toString(LENGTH)),
						Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"),
						Map.entry("train_batch_size", "128"), Map.entry("learning_rate", "0.01"),
						Map.entry("epochs", "40"), Map.entry("stopping_step", "5"),
						Map.entry("valid_metric", "NDCG@10"), Map.entry("metrics", "[Recall,NDCG]"),
						Map.entry("hidden_dropout_prob", "0.1"), Map.entry("attn_dropout_prob", "0.1"))));
		SequentialDataset data = SequentialDatasetBuilder.build(PlantedSequences.periodic(30, 4, 100, 14, 0.0, 9),
				LENGTH);
		try (Experiment experiment = Experiment.run(config, data, Device.cpu(), TrainingListener.NONE)) {
			assertThat(experiment.outcome().test().get("ndcg@10")).isGreaterThan(0.9);
		}
	}

}
