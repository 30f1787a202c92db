package io.seqrec.ranker.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.model.ModelRegistry;
import io.seqrec.testsupport.models.ModelFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Both scorers give every caller the scores of its own sequences (the same as a pass of
 * one), also when concurrent requests share a batch, and neither leaves native arrays
 * behind in the model's manager, for every registered model.
 */
class ScorerTests {

	private static final Map<String, LiveModel> MODELS = new LinkedHashMap<>();

	@BeforeAll
	static void load() {
		for (String name : ModelRegistry.names()) {
			MODELS.put(name, new LiveModel(name, "1", 0,
					ModelArtifact.load(ModelFixtures.untrained(name, 40, 8).artifact(), Device.cpu())));
		}
	}

	@AfterAll
	static void close() {
		MODELS.values().forEach(LiveModel::release);
	}

	static Stream<String> models() {
		return ModelRegistry.names().stream();
	}

	private static int[] sequence(int seed) {
		int length = 1 + seed % 12;
		int[] items = new int[length];
		for (int i = 0; i < length; i++) {
			items[i] = 1 + (seed * 7 + i * 3) % 40;
		}
		return items;
	}

	private static void concurrentRequestsGetTheirOwnScores(LiveModel model, Scorer scorer) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		int before = model.manager().getManagedArrays().size();
		try {
			List<Future<?>> requests = new ArrayList<>();
			for (int r = 0; r < 200; r++) {
				int seed = r;
				requests.add(pool.submit(() -> {
					List<int[]> sequences = List.of(sequence(seed), sequence(seed + 1));
					ScoreRows rows = scorer.score(model, sequences);
					for (int i = 0; i < 2; i++) {
						float[] alone = ForwardPass.scores(model, List.of(sequences.get(i)));
						for (int item = 0; item < alone.length; item++) {
							assertThat(rows.scores()[rows.offset(i) + item]).isCloseTo(alone[item], within(1e-4f));
						}
					}
				}));
			}
			for (Future<?> request : requests) {
				request.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdown();
			scorer.close();
		}
		assertThat(model.manager().getManagedArrays()).hasSize(before);
	}

	@ParameterizedTest
	@MethodSource("models")
	void microBatchingScoresEachCallersRowsAndLeaksNothing(String name) throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		concurrentRequestsGetTheirOwnScores(MODELS.get(name), new BatchingScorer(1, 16, Duration.ofMillis(1), meters));
		var batches = meters.get("seqrec.ranker.scoring.batch.size").summary();
		assertThat(batches.totalAmount()).isEqualTo(400);
		// concurrent requests shared passes
		assertThat(batches.count()).isLessThan(200);
	}

	@ParameterizedTest
	@MethodSource("models")
	void aPoolScoresEachCallersRowsAndLeaksNothing(String name) throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		concurrentRequestsGetTheirOwnScores(MODELS.get(name), new PooledScorer(2, meters));
		assertThat(meters.get("seqrec.ranker.scoring.batch.size").summary().count()).isEqualTo(200);
	}

	@ParameterizedTest
	@MethodSource("models")
	void aRequestLargerThanTheBatchLimitIsScoredInChunks(String name) {
		LiveModel model = MODELS.get(name);
		BatchingScorer scorer = new BatchingScorer(1, 4, Duration.ZERO, new SimpleMeterRegistry());
		try {
			List<int[]> sequences = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				sequences.add(sequence(i));
			}
			ScoreRows rows = scorer.score(model, sequences);
			float[] alone = ForwardPass.scores(model, List.of(sequences.get(9)));
			assertThat(rows.scores()[rows.offset(9) + 5]).isCloseTo(alone[5], within(1e-4f));
		}
		finally {
			scorer.close();
		}
	}

	/**
	 * The models whose untrained scores have no ties: Pop scores every row alike, so
	 * which of several equal scores the engine selects is left to {@code TopK}'s
	 * fall-back to the full row (see {@code TopKTests}).
	 */
	static Stream<String> modelsWithDistinctScores() {
		return models().filter((name) -> !name.equals("Pop"));
	}

	@ParameterizedTest
	@MethodSource("modelsWithDistinctScores")
	void candidatesSelectedOnTheEngineAreTheBestOfTheFullRowsBestFirst(String name) {
		LiveModel model = MODELS.get(name);
		BatchingScorer scorer = new BatchingScorer(1, 4, Duration.ZERO, new SimpleMeterRegistry());
		int arrays = model.manager().getManagedArrays().size();
		try {
			List<int[]> sequences = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				sequences.add(sequence(i));
			}
			// ten sequences over a batch limit of four: scored in chunks
			ScoreRows top = scorer.score(model, sequences, 6);
			ScoreRows full = scorer.score(model, sequences);
			assertThat(top.full()).isFalse();
			assertThat(top.columns()).isEqualTo(6);
			assertThat(full.full()).isTrue();
			assertThat(full.columns()).isEqualTo(model.items().size());
			for (int row = 0; row < sequences.size(); row++) {
				int at = row;
				List<Integer> expected = IntStream.range(0, full.columns())
					.boxed()
					.sorted((a, b) -> Float.compare(full.score(at, b), full.score(at, a)))
					.limit(6)
					.toList();
				List<Integer> selected = new ArrayList<>();
				for (int position = 0; position < 6; position++) {
					int item = top.item(row, position);
					selected.add(item);
					assertThat(top.score(row, position)).isCloseTo(full.score(row, item), within(1e-4f));
					if (position > 0) {
						assertThat(top.score(row, position)).isLessThanOrEqualTo(top.score(row, position - 1));
					}
				}
				assertThat(selected).containsExactlyElementsOf(expected);
			}
			// asking for as many candidates as items gives full rows
			assertThat(scorer.score(model, sequences, model.items().size()).full()).isTrue();
			// the selection's arrays were closed with the pass
			assertThat(model.manager().getManagedArrays()).hasSize(arrays);
		}
		finally {
			scorer.close();
		}
	}

}
