package io.seqrec.run;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.jspecify.annotations.Nullable;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.data.SequenceSamples;
import io.seqrec.data.SequentialDataset;
import io.seqrec.data.Vocabulary;
import io.seqrec.eval.FullSortEvaluator;
import io.seqrec.eval.RankingResult;
import io.seqrec.train.TrainingOptions;

/**
 * Re-scores a saved model on a dataset with the same full-ranking protocol as training.
 * The dataset's item ids are translated into the artifact's vocabulary: history items the
 * model does not know are dropped from the history, and rows whose target it does not
 * know are skipped (and counted).
 */
public final class ArtifactEvaluation {

	private ArtifactEvaluation() {
	}

	/**
	 * The scores of an artifact on a dataset's validation and test splits.
	 *
	 * @param valid the validation result, or null when the split is empty
	 * @param test the test result
	 * @param skippedRows evaluation rows skipped because their target is unknown to the
	 * model
	 */
	public record Scores(@Nullable RankingResult valid, RankingResult test, int skippedRows) {
	}

	/**
	 * Evaluates.
	 * @param artifact the loaded artifact
	 * @param dataset the dataset, prepared with the artifact's data settings
	 * @param options evaluation settings (metrics, topk, batch size, exclusions)
	 * @return the scores
	 */
	public static Scores evaluate(ModelArtifact artifact, SequentialDataset dataset, TrainingOptions options) {
		int[] mapping = mapping(dataset.items(), artifact.items());
		SequenceSamples valid = dataset.valid().remapItems(mapping);
		SequenceSamples test = dataset.test().remapItems(mapping);
		int skipped = (dataset.valid().size() - valid.size()) + (dataset.test().size() - test.size());
		if (test.size() == 0) {
			throw new IllegalArgumentException("none of the dataset's test items is known to the model in "
					+ artifact.directory() + "; is it the dataset the model was trained on?");
		}
		FullSortEvaluator evaluator = options.evaluator();
		try (NDManager manager = artifact.djlModel().getNDManager().newSubManager()) {
			ParameterStore ps = new ParameterStore(manager, false);
			RankingResult validResult = (valid.size() > 0) ? evaluator.evaluate(artifact.model(), ps, manager, valid)
					: null;
			RankingResult testResult = evaluator.evaluate(artifact.model(), ps, manager, test);
			return new Scores(validResult, testResult, skipped);
		}
	}

	/**
	 * Translates dataset item ids into artifact item ids.
	 * @param dataset the dataset's vocabulary
	 * @param artifact the artifact's vocabulary
	 * @return artifact id per dataset id, 0 where the artifact does not know the item
	 */
	static int[] mapping(Vocabulary dataset, Vocabulary artifact) {
		int[] mapping = new int[dataset.size()];
		for (int id = 1; id < dataset.size(); id++) {
			mapping[id] = Math.max(0, artifact.idOf(dataset.token(id)));
		}
		return mapping;
	}

}
