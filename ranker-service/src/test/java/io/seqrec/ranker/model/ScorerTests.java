package io.seqrec.ranker.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.testsupport.models.ModelFixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Both scorers give every caller the scores of its own sequences (the same as a pass of
 * one), also when concurrent requests share a batch, and neither leaves native arrays
 * behind in the model's manager.
 */
class ScorerTests {

	private static LiveModel model;

	@BeforeAll
	static void load() {
		model = new LiveModel("sasrec", "1", 0,
				ModelArtifact.load(ModelFixtures.untrained("SASRec", 40, 8).artifact(), Device.cpu()));
	}

	@AfterAll
	static void close() {
		model.release();
	}

	private static int[] sequence(int seed) {
		int length = 1 + seed % 12;
		int[] items = new int[length];
		for (int i = 0; i < length; i++) {
			items[i] = 1 + (seed * 7 + i * 3) % 40;
		}
		return items;
	}

	private static void concurrentRequestsGetTheirOwnScores(Scorer scorer) throws Exception {
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

	@Test
	void microBatchingScoresEachCallersRowsAndLeaksNothing() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		concurrentRequestsGetTheirOwnScores(new BatchingScorer(1, 16, Duration.ofMillis(1), meters));
		var batches = meters.get("seqrec.ranker.scoring.batch.size").summary();
		assertThat(batches.totalAmount()).isEqualTo(400);
		// concurrent requests shared passes
		assertThat(batches.count()).isLessThan(200);
	}

	@Test
	void aPoolScoresEachCallersRowsAndLeaksNothing() throws Exception {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		concurrentRequestsGetTheirOwnScores(new PooledScorer(2, meters));
		assertThat(meters.get("seqrec.ranker.scoring.batch.size").summary().count()).isEqualTo(200);
	}

	@Test
	void aRequestLargerThanTheBatchLimitIsScoredInChunks() {
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

}
