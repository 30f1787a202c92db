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
import io.seqrec.eval.Metric;
import io.seqrec.eval.RankingResult;
import io.seqrec.model.LossType;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SASRec;
import io.seqrec.model.SASRecSettings;
import io.seqrec.model.SequentialRecommender;
import io.seqrec.model.TrainMode;
import io.seqrec.model.TransformerSettings;
import io.seqrec.nn.HiddenActivation;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingLoopTests {

	private static final int LENGTH = 10;

	private static final SequentialDataset DATA = SequentialDatasetBuilder
		.build(PlantedSequences.cycle(40).table(150, 16, 0.05, 11), LENGTH);

	private static TrainingOptions options(int epochs, TrainMode mode, int stoppingStep) {
		return new TrainingOptions(2020, epochs, 256, 512, "adam", 0.005f, 0f, null, 1, stoppingStep, "ndcg@10",
				List.of(Metric.RECALL, Metric.NDCG), List.of(10), 4, true, mode, false);
	}

	private static SASRec sasrec(LossType loss) {
		return new SASRec(new ModelContext(DATA.numItems(), LENGTH, DATA.train()), new SASRecSettings(
				new TransformerSettings(1, 2, 32, 64, 0.1f, 0.1f, HiddenActivation.GELU, 1e-12f, 0.02f), loss));
	}

	private static TrainingOutcome fit(SequentialRecommender model, TrainingOptions options,
			TrainingListener listener) {
		Engine.getInstance().setRandomSeed(2020);
		try (Model djl = Model.newInstance(model.modelName(), Device.cpu())) {
			djl.setBlock(model);
			return new TrainingLoop(options, Device.cpu()).fit(djl, DATA, listener);
		}
	}

	@Test
	void stopsAfterStoppingStepPlusOneEvaluationsWithoutImprovementAndKeepsTheBest() {
		List<EpochReport> reports = new ArrayList<>();
		// a tiny learning rate plateaus quickly at 4-decimal resolution; patience 2
		TrainingOptions opts = new TrainingOptions(2020, 200, 256, 512, "adam", 0.05f, 0f, null, 1, 2, "ndcg@10",
				List.of(Metric.NDCG), List.of(10), 4, true, TrainMode.ALL_POSITIONS, false);
		TrainingOutcome outcome = fit(sasrec(LossType.CE), opts, new TrainingListener() {
			@Override
			public void onEpoch(EpochReport report) {
				reports.add(report);
			}
		});
		assertThat(outcome.epochsRun()).isLessThan(200);
		// the last 3 evaluations did not improve (ties would have), and the best is the
		// last improving one
		List<EpochReport> tail = reports.subList(reports.size() - 3, reports.size());
		assertThat(tail).noneMatch(EpochReport::improved);
		EpochReport best = reports.get(outcome.bestEpoch());
		assertThat(best.improved()).isTrue();
		assertThat(reports.subList(outcome.bestEpoch() + 1, reports.size())).noneMatch(EpochReport::improved);
		assertThat(outcome.bestValid().get("ndcg@10")).isEqualTo(best.validScore());
		assertThat(reports).allMatch((r) -> r.validScore() <= best.validScore());
	}

	@Test
	void theModelHoldsTheBestEpochsParametersAfterFitting() {
		// patience 2 with a high learning rate: the last epochs are worse than the best
		// one
		TrainingOptions opts = new TrainingOptions(2020, 40, 256, 512, "adam", 0.05f, 0f, null, 1, 2, "ndcg@10",
				List.of(Metric.NDCG), List.of(10), 4, true, TrainMode.ALL_POSITIONS, false);
		SASRec model = sasrec(LossType.CE);
		Engine.getInstance().setRandomSeed(2020);
		try (Model djl = Model.newInstance(model.modelName(), Device.cpu())) {
			djl.setBlock(model);
			List<EpochReport> reports = new ArrayList<>();
			TrainingOutcome outcome = new TrainingLoop(opts, Device.cpu()).fit(djl, DATA, new TrainingListener() {
				@Override
				public void onEpoch(EpochReport report) {
					reports.add(report);
				}
			});
			assertThat(reports.get(reports.size() - 1).validScore()).isLessThan(outcome.bestValid().get("ndcg@10"));
			model.setFrozen(true);
			RankingResult again = opts.evaluator()
				.evaluate(model, new ParameterStore(djl.getNDManager(), false), djl.getNDManager(), DATA.valid());
			assertThat(again).isEqualTo(outcome.bestValid());
		}
	}

	@Test
	void sameSeedGivesTheSameRun() {
		TrainingOutcome first = fit(sasrec(LossType.CE), options(3, TrainMode.PREFIX, 5), TrainingListener.NONE);
		TrainingOutcome second = fit(sasrec(LossType.CE), options(3, TrainMode.PREFIX, 5), TrainingListener.NONE);
		assertThat(second.history().stream().map(EpochReport::trainLoss).toList())
			.isEqualTo(first.history().stream().map(EpochReport::trainLoss).toList());
		assertThat(second.test()).isEqualTo(first.test());
	}

}
