package io.seqrec.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search loop on synthetic trials whose running times are scrambled, so that parallel
 * trials end in another order than they started.
 */
class TunerTests {

	private static final SearchSpace SPACE = ParamsFile.parse(
			"lr choice [0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8]\nlayers choice [1,2,3]\nnoise uniform 0,0.01\n", "hyper.test",
			(warning) -> {
			});

	/** A trial's best score at an epoch: a concave curve in lr peaking at 0.5. */
	private static double score(Map<String, Object> params, int epoch) {
		double lr = ((Number) params.get("lr")).doubleValue();
		int layers = ((Number) params.get("layers")).intValue();
		double top = 0.5 - Math.abs(lr - 0.5) + 0.01 * layers + (Double) params.get("noise");
		return top * epoch / (epoch + 2.0);
	}

	/** Trains "epochs" with random pauses; fails for one combination. */
	private static final TrialObjective SYNTHETIC = (context) -> {
		Map<String, Object> params = context.params();
		if (((Number) params.get("lr")).doubleValue() == 0.8 && ((Number) params.get("layers")).intValue() == 3) {
			throw new IllegalArgumentException("hidden_size is not divisible by n_heads");
		}
		List<EpochPoint> curve = new ArrayList<>();
		double best = 0;
		int epoch = 1;
		boolean stopped = false;
		for (; epoch <= 9; epoch++) {
			pause();
			best = Math.round(score(params, epoch) * 1e4) / 1e4;
			curve.add(new EpochPoint(epoch - 1, 1.0 / epoch, Map.of("mrr@10", best)));
			if (epoch < 9 && context.reportValidation(epoch, best)) {
				stopped = true;
				break;
			}
			if (context.cancelled()) {
				break;
			}
		}
		return new TrialResult(context.number(), params, stopped ? TrialStatus.STOPPED : TrialStatus.FINISHED, best,
				Map.of("mrr@10", best), Map.of("mrr@10", best / 2), epoch - 1, Math.min(epoch, 9), 0, curve, null);
	};

	private static void pause() {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextInt(3));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static TuneOutcome search(String algo, int maxEvals, int earlyStop, int parallel, String scheduler,
			List<String> recorded) throws InterruptedException {
		TuneSettings settings = new TuneSettings(algo, maxEvals, earlyStop, parallel, scheduler, 1, 9, 2020);
		return new Tuner(SPACE, settings).run(SYNTHETIC, new TuneListener() {
			@Override
			public void onTrialRecorded(TrialResult result, boolean newBest) {
				recorded.add(result.number() + " " + TuneResults.paramsString(result.params()) + " " + result.status()
						+ " " + result.score() + " " + result.epochs() + (newBest ? " best" : ""));
			}
		});
	}

	private static List<String> summary(TuneOutcome outcome) {
		return outcome.trials()
			.stream()
			.map((t) -> t.number() + " " + t.params() + " " + t.status() + " " + t.score() + " " + t.epochs())
			.toList();
	}

	@Test
	void exhaustiveCoversTheGridOnceAndFindsTheBest() throws InterruptedException {
		List<String> recorded = new ArrayList<>();
		TuneOutcome outcome = search("exhaustive", 5, 1000, 1, "none", recorded);
		assertThat(outcome.planned()).as("exhaustive ignores max-evals").isEqualTo(24);
		assertThat(outcome.trials()).hasSize(24);
		assertThat(outcome.trials()
			.stream()
			.map((t) -> List.of(t.params().get("lr"), t.params().get("layers")))
			.distinct()).hasSize(24);
		assertThat(outcome.trials().stream().filter((t) -> t.status() == TrialStatus.FAILED)).hasSize(1);
		assertThat(outcome.best().params()).containsEntry("lr", 0.5).containsEntry("layers", 3);
		assertThat(recorded).hasSize(24);
		assertThat(recorded.stream().filter((line) -> !line.contains("FAILED")).findFirst()).get()
			.asString()
			.endsWith(" best");
	}

	@Test
	void stopEndsTheSearchWithTheTrialsRecordedSoFarAndTellsTheRunningOnesToStop() throws Exception {
		CountDownLatch blocked = new CountDownLatch(2);
		AtomicInteger cancelledSeen = new AtomicInteger();
		AtomicInteger started = new AtomicInteger();
		// the first three trials end at once; the later ones run until they are cancelled
		TrialObjective objective = (context) -> {
			started.incrementAndGet();
			if (context.number() > 3) {
				blocked.countDown();
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (!context.cancelled() && System.nanoTime() < deadline) {
					pause();
				}
				if (context.cancelled()) {
					cancelledSeen.incrementAndGet();
				}
			}
			double score = context.number() / 10.0;
			return new TrialResult(context.number(), context.params(), TrialStatus.FINISHED, score,
					Map.of("mrr@10", score), Map.of("mrr@10", score), 1, 1, 0, List.of(), null);
		};
		Tuner tuner = new Tuner(SPACE, new TuneSettings("exhaustive", 100, 1000, 2, "none", 1, 9, 2020));
		List<Integer> recorded = new CopyOnWriteArrayList<>();
		CompletableFuture<TuneOutcome> search = CompletableFuture.supplyAsync(() -> {
			try {
				return tuner.run(objective, new TuneListener() {
					@Override
					public void onTrialRecorded(TrialResult result, boolean newBest) {
						recorded.add(result.number());
					}
				});
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
		tuner.stop();
		TuneOutcome outcome = search.get(30, TimeUnit.SECONDS);
		assertThat(outcome.interrupted()).isTrue();
		assertThat(outcome.earlyStopped()).isFalse();
		assertThat(outcome.trials()).extracting(TrialResult::number).containsExactly(1, 2, 3);
		assertThat(recorded).containsExactly(1, 2, 3);
		assertThat(outcome.best().number()).isEqualTo(3);
		assertThat(cancelledSeen.get()).as("the running trials were told to stop").isEqualTo(2);
		assertThat(started.get()).as("no trial started after the stop").isEqualTo(5);
		assertThat(outcome.discarded()).isEqualTo(2);
	}

	@Test
	void aStopBeforeTheSearchRunsStartsNoTrial() throws InterruptedException {
		Tuner tuner = new Tuner(SPACE, new TuneSettings("exhaustive", 100, 1000, 2, "none", 1, 9, 2020));
		AtomicInteger started = new AtomicInteger();
		tuner.stop();
		TuneOutcome outcome = tuner.run((context) -> {
			started.incrementAndGet();
			return SYNTHETIC.run(context);
		}, TuneListener.NONE);
		assertThat(started.get()).isZero();
		assertThat(outcome.trials()).isEmpty();
		assertThat(outcome.interrupted()).isTrue();
		assertThat(outcome.discarded()).isZero();
	}

	@Test
	void parallelTrialsGiveTheSerialSearch() throws InterruptedException {
		for (String algo : List.of("exhaustive", "random")) {
			List<String> serialLines = new ArrayList<>();
			List<String> parallelLines = new ArrayList<>();
			TuneOutcome serial = search(algo, 16, 1000, 1, "none", serialLines);
			TuneOutcome parallel = search(algo, 16, 1000, 3, "none", parallelLines);
			assertThat(summary(parallel)).as(algo).isEqualTo(summary(serial));
			assertThat(parallelLines).as(algo).isEqualTo(serialLines);
			assertThat(parallel.best().number()).isEqualTo(serial.best().number());
		}
	}

	@Test
	void earlyStopEndsTheSearchAtTheSameTrialInParallelAndDropsTheTrialsPastIt() throws InterruptedException {
		List<String> lines = new ArrayList<>();
		TuneOutcome serial = search("exhaustive", 100, 4, 1, "none", lines);
		assertThat(serial.earlyStopped()).isTrue();
		assertThat(serial.trials().size()).isLessThan(24);
		// the last 4 trials brought no strict improvement, the one before did (or was the
		// first)
		List<TrialResult> trials = serial.trials();
		double bestBefore = trials.subList(0, trials.size() - 4)
			.stream()
			.filter((t) -> t.score() != null)
			.mapToDouble(TrialResult::score)
			.max()
			.orElseThrow();
		assertThat(trials.subList(trials.size() - 4, trials.size()))
			.allSatisfy((t) -> assertThat(t.score() == null || t.score() <= bestBefore).isTrue());
		TuneOutcome parallel = search("exhaustive", 100, 4, 4, "none", new ArrayList<>());
		assertThat(summary(parallel)).isEqualTo(summary(serial));
		// trials started after the stopping trial (while it still ran) are dropped
		assertThat(parallel.discarded()).isNotNegative();
		assertThat(parallel.trials().size() + parallel.discarded()).isLessThanOrEqualTo(24);
	}

	@Test
	void ashaStopsTheSameTrialsInParallelAsSerially() throws InterruptedException {
		TuneOutcome serial = search("exhaustive", 100, 1000, 1, "asha", new ArrayList<>());
		assertThat(serial.trials().stream().filter((t) -> t.status() == TrialStatus.STOPPED)).isNotEmpty();
		assertThat(serial.trials().stream().filter((t) -> t.status() == TrialStatus.STOPPED))
			.allSatisfy((t) -> assertThat(t.epochs()).isLessThan(9));
		TuneOutcome parallel = search("exhaustive", 100, 1000, 3, "asha", new ArrayList<>());
		assertThat(summary(parallel)).isEqualTo(summary(serial));
	}

	@Test
	void bayesIsReproducibleForAGivenParallelism() throws InterruptedException {
		TuneOutcome first = search("bayes", 26, 1000, 2, "none", new ArrayList<>());
		TuneOutcome second = search("bayes", 26, 1000, 2, "none", new ArrayList<>());
		assertThat(summary(first)).isEqualTo(summary(second));
		TuneOutcome serial = search("bayes", 26, 1000, 1, "none", new ArrayList<>());
		// the 20 start-up trials are drawn from the prior whatever the parallelism
		assertThat(summary(serial).subList(0, 20)).isEqualTo(summary(first).subList(0, 20));
	}

}
