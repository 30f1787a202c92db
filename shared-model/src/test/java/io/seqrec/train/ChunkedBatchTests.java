package io.seqrec.train;

import java.util.List;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import org.junit.jupiter.api.Test;

import io.seqrec.data.PlantedSequences;
import io.seqrec.data.SequentialDataset;
import io.seqrec.data.SequentialDatasetBuilder;
import io.seqrec.eval.Metric;
import io.seqrec.model.LossType;
import io.seqrec.model.ModelContext;
import io.seqrec.model.SASRec;
import io.seqrec.model.SASRecSettings;
import io.seqrec.model.TrainMode;
import io.seqrec.model.TransformerSettings;
import io.seqrec.nn.HiddenActivation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A batch computed in chunks with accumulated gradients trains exactly like the whole
 * batch: without dropout, the epoch losses agree to float rounding.
 */
class ChunkedBatchTests {

	private static final SequentialDataset DATA = SequentialDatasetBuilder
		.build(PlantedSequences.cycle(30).table(80, 14, 0.1, 5), 8);

	private static List<Double> losses(int chunkTokens, TrainMode mode, LossType loss) {
		SASRec model = new SASRec(new ModelContext(DATA.numItems(), 8, DATA.train()), new SASRecSettings(
				new TransformerSettings(2, 2, 16, 32, 0f, 0f, HiddenActivation.GELU, 1e-12f, 0.02f), loss));
		TrainingOptions options = new TrainingOptions(3, 3, 200, 500, "adam", 0.01f, 0f, null, 1, 100, "ndcg@10",
				List.of(Metric.NDCG), List.of(10), 4, true, mode, false);
		Engine.getInstance().setRandomSeed(3);
		try (Model djl = Model.newInstance("chunks", Device.cpu())) {
			djl.setBlock(model);
			return new TrainingLoop(options, Device.cpu(), chunkTokens).fit(djl, DATA, TrainingListener.NONE)
				.history()
				.stream()
				.map(EpochReport::trainLoss)
				.toList();
		}
	}

	@Test
	void chunkedBatchesGiveTheWholeBatchLoss() {
		for (TrainMode mode : TrainMode.values()) {
			for (LossType loss : new LossType[] { LossType.CE, LossType.BPR }) {
				List<Double> whole = losses(Integer.MAX_VALUE, mode, loss);
				// chunks of 7 rows (56 tokens): several unequal chunks per batch
				List<Double> chunked = losses(56, mode, loss);
				for (int epoch = 0; epoch < whole.size(); epoch++) {
					assertThat(chunked.get(epoch)).as(mode + " " + loss + " epoch " + epoch)
						.isCloseTo(whole.get(epoch), within(1e-3 * Math.abs(whole.get(epoch))));
				}
			}
		}
	}

}
