package io.seqrec.train;

import java.util.ArrayList;
import java.util.List;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import io.seqrec.data.PlantedSequences;
import io.seqrec.data.SequentialDataset;
import io.seqrec.data.SequentialDatasetBuilder;
import io.seqrec.eval.FullSortEvaluator;
import io.seqrec.eval.Metric;
import io.seqrec.model.LossType;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SASRec;
import io.seqrec.model.SASRecSettings;
import io.seqrec.model.TrainMode;
import io.seqrec.model.TransformerSettings;
import io.seqrec.nn.HiddenActivation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every native array lives in a manager that is closed: the number of live arrays under
 * the model's manager is the same after every epoch, and evaluation leaves nothing
 * behind.
 */
class NativeMemoryTests {

	private static final SequentialDataset DATA = SequentialDatasetBuilder
		.build(PlantedSequences.cycle(30).table(60, 12, 0.1, 3), 8);

	private static SASRec model(LossType loss) {
		return new SASRec(new ModelContext(DATA.numItems(), 8, DATA.train()), new SASRecSettings(
				new TransformerSettings(2, 2, 16, 32, 0.2f, 0.2f, HiddenActivation.GELU, 1e-12f, 0.02f), loss));
	}

	private static List<Integer> liveArraysAfterEachEpoch(LossType loss, TrainMode mode) {
		List<Integer> counts = new ArrayList<>();
		TrainingOptions options = new TrainingOptions(1, 6, 64, 64, "adam", 0.001f, 0f, 1.0, 1, 100, "ndcg@10",
				List.of(Metric.NDCG), List.of(10), 4, true, mode, false);
		Engine.getInstance().setRandomSeed(1);
		try (Model djl = Model.newInstance("memory", Device.cpu())) {
			djl.setBlock(model(loss));
			new TrainingLoop(options, Device.cpu()).fit(djl, DATA, new TrainingListener() {
				@Override
				public void onEpoch(EpochReport report) {
					counts.add(djl.getNDManager().getManagedArrays().size());
				}
			});
		}
		return counts;
	}

	@Test
	void trainingEpochsDoNotAccumulateNativeArrays() {
		for (LossType loss : new LossType[] { LossType.CE, LossType.BPR }) {
			for (TrainMode mode : TrainMode.values()) {
				List<Integer> counts = liveArraysAfterEachEpoch(loss, mode);
				assertThat(counts).as(loss + " " + mode).hasSize(6);
				// epoch 0 creates the optimizer state; from then on the count is constant
				assertThat(counts.subList(1, counts.size())).as(loss + " " + mode).containsOnly(counts.get(1));
			}
		}
	}

	@Test
	void evaluationLeavesNoNativeArraysBehind() {
		Engine.getInstance().setRandomSeed(1);
		try (Model djl = Model.newInstance("memory", Device.cpu())) {
			SASRec model = model(LossType.CE);
			djl.setBlock(model);
			model.initialize(djl.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, model.initializationShapes());
			model.setFrozen(true);
			FullSortEvaluator evaluator = new FullSortEvaluator(List.of(Metric.NDCG), List.of(10), 4, 16, true);
			ParameterStore ps = new ParameterStore(djl.getNDManager(), false);
			evaluator.ranks(model, ps, djl.getNDManager(), DATA.test());
			int before = djl.getNDManager().getManagedArrays().size();
			for (int i = 0; i < 5; i++) {
				evaluator.ranks(model, ps, djl.getNDManager(), DATA.test());
			}
			assertThat(djl.getNDManager().getManagedArrays()).hasSize(before);
		}
	}

}
