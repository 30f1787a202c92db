package io.seqrec.model;

import java.util.List;
import java.util.Map;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.PlantedSequences;
import io.seqrec.data.SequenceBatches;
import io.seqrec.data.SequenceSamples;
import io.seqrec.data.SequentialDataset;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.train.TrainingListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SINE learns the planted two-interest pattern: users alternate between two of ten
 * disjoint five-item clusters, so the next item is one of the ten items of the user's two
 * clusters (every item equally popular: popularity ranks it at chance, recall@10 about
 * 0.2). SINE ranks the user's clusters first, both of them.
 */
class SINEPlantedTests {

	private static final Logger logger = LoggerFactory.getLogger(SINEPlantedTests.class);

	private static final int CLUSTERS = 10;

	private static final int CLUSTER_SIZE = 5;

	private static final int LENGTH = 10;

	@Test
	void learnsUsersAlternatingBetweenTwoClustersAndRanksBothFirst() {
		Map<String, String> values = Map.of("MAX_ITEM_LIST_LENGTH", Integer.toString(LENGTH), "train_batch_size", "256",
				"learning_rate", "0.01", "epochs", "30", "stopping_step", "3", "metrics", "[Recall,NDCG]",
				"valid_metric", "Recall@10", "embedding_size", "32", "prototype_size", "20");
		Config config = ModelRegistry.loadConfig(new ConfigRequest("SINE", "planted", List.of(), Map.of(), values));
		SequentialDataset data = Datasets.prepare(config,
				PlantedSequences.alternatingClusters(CLUSTERS, CLUSTER_SIZE, 300, 12, 5));
		Config pop = ModelRegistry.loadConfig(new ConfigRequest("Pop", "planted", List.of(), Map.of(),
				Map.of("MAX_ITEM_LIST_LENGTH", Integer.toString(LENGTH))));
		try (Experiment baseline = Experiment.run(pop, data, Device.cpu(), TrainingListener.NONE)) {
			assertThat(baseline.outcome().test().get("recall@10")).as("popularity").isLessThan(0.35);
		}
		try (Experiment experiment = Experiment.run(config, data, Device.cpu(), TrainingListener.NONE);
				NDManager manager = NDManager.newBaseManager()) {
			assertThat(experiment.outcome().test().get("recall@10")).isGreaterThan(0.8);
			SequentialRecommender model = experiment.model();
			model.setFrozen(true);
			SequenceSamples test = data.test();
			int[] order = new int[test.size()];
			for (int i = 0; i < order.length; i++) {
				order[i] = i;
			}
			NDArray scores = model.fullSortPredict(new ParameterStore(manager, false),
					SequenceBatches.samples(test, order, 0, order.length).toNDList(manager));
			int both = 0;
			for (int row = 0; row < test.size(); row++) {
				both += topTenCoversBothClusters(data, test, row, scores.get(row).toFloatArray()) ? 1 : 0;
			}
			logger.info("SINE on two interests: test {}, top 10 covering both clusters for {} of {} users",
					experiment.outcome().test().values(), both, test.size());
			assertThat(both).as("users whose top 10 holds at least 4 items of each of their clusters")
				.isGreaterThan(test.size() * 8 / 10);
		}
	}

	private static boolean topTenCoversBothClusters(SequentialDataset data, SequenceSamples test, int row,
			float[] scores) {
		int[] history = test.history(row);
		int first = cluster(data, history[0]);
		int second = cluster(data, history[1]);
		scores[0] = Float.NEGATIVE_INFINITY;
		int[] counts = new int[CLUSTERS];
		for (int rank = 0; rank < 10; rank++) {
			int best = 0;
			for (int item = 1; item < scores.length; item++) {
				best = (scores[item] > scores[best]) ? item : best;
			}
			counts[cluster(data, best)]++;
			scores[best] = Float.NEGATIVE_INFINITY;
		}
		return counts[first] >= 4 && counts[second] >= 4;
	}

	private static int cluster(SequentialDataset data, int itemId) {
		return PlantedSequences.cluster(PlantedSequences.itemIndex(data.items().token(itemId)), CLUSTER_SIZE);
	}

}
