package io.seqrec.launcher.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.seqrec.ranker.model.LiveModel;
import io.seqrec.ranker.model.ModelHolder;
import io.seqrec.ranker.model.ModelLease;
import io.seqrec.ranker.model.Scorer;

/**
 * The model's own limit: the ranker's scorer (same model, vocabulary, batch policy and
 * thread settings) called by a fixed number of threads with one user's sequence each,
 * prepared in memory, so no HTTP, Redis or JSON cost is counted. It asks the scorer for
 * the same number of best scores per row as the ranker does for these requests. A
 * warm-up, then a measured period; the figure is sequences scored per second.
 */
final class ModelOnlyLoad {

	/** The k the load generator asks for. */
	private static final int K = 10;

	private final ModelHolder holder;

	private final Scorer scorer;

	private final int[][] sequences;

	/**
	 * Prepares the load.
	 * @param holder the ranker's model holder
	 * @param scorer the ranker's scorer
	 * @param sequences each user's sequence as the model reads it (internal indices,
	 * oldest first, at most {@code L})
	 */
	ModelOnlyLoad(ModelHolder holder, Scorer scorer, int[][] sequences) {
		this.holder = holder;
		this.scorer = scorer;
		this.sequences = sequences;
	}

	/**
	 * Maps users' item numbers ({@code item-N}) to the live model's indices, keeping the
	 * most recent {@code L}, as the ranker does with what it reads from Redis.
	 * @param holder the ranker's model holder
	 * @param itemNumbers per user, the item numbers of its events, oldest first
	 * @return per user, the sequence the model reads
	 */
	static int[][] sequences(ModelHolder holder, int[][] itemNumbers) {
		try (ModelLease lease = lease(holder)) {
			LiveModel model = lease.model();
			int length = model.maxSequenceLength();
			int[][] sequences = new int[itemNumbers.length][];
			for (int u = 0; u < itemNumbers.length; u++) {
				int[] items = itemNumbers[u];
				int from = Math.max(0, items.length - length);
				sequences[u] = new int[items.length - from];
				for (int t = from; t < items.length; t++) {
					sequences[u][t - from] = model.items().idOf("item-" + items[t]);
				}
			}
			return sequences;
		}
	}

	/**
	 * Runs the load.
	 * @param threads concurrent callers
	 * @param warmupSeconds seconds not counted
	 * @param seconds seconds counted
	 * @return sequences scored per second in the counted period
	 * @throws InterruptedException if interrupted while waiting for the callers
	 */
	double sequencesPerSecond(int threads, double warmupSeconds, double seconds) throws InterruptedException {
		long start = System.nanoTime();
		long from = start + (long) (warmupSeconds * 1e9);
		long until = from + (long) (seconds * 1e9);
		AtomicLong scored = new AtomicLong();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		List<Thread> callers = new ArrayList<>(threads);
		for (int t = 0; t < threads; t++) {
			SplittableRandom random = new SplittableRandom(t * 31L + 5);
			Thread caller = new Thread(() -> {
				try {
					call(random, from, until, scored);
				}
				catch (RuntimeException ex) {
					failure.compareAndSet(null, ex);
				}
			}, "model-only-" + t);
			callers.add(caller);
			caller.start();
		}
		for (Thread caller : callers) {
			caller.join();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
		return scored.get() / seconds;
	}

	private void call(SplittableRandom random, long from, long until, AtomicLong scored) {
		while (true) {
			long now = System.nanoTime();
			if (now >= until) {
				return;
			}
			int[] sequence = this.sequences[random.nextInt(this.sequences.length)];
			try (ModelLease lease = lease(this.holder)) {
				// as many candidates as the ranker asks for k = 10 with the seen items
				// left out
				this.scorer.score(lease.model(), List.of(sequence), K + sequence.length + 1);
			}
			if (now >= from && System.nanoTime() <= until) {
				scored.incrementAndGet();
			}
		}
	}

	private static ModelLease lease(ModelHolder holder) {
		Optional<ModelLease> lease = holder.lease();
		return lease.orElseThrow(() -> new IllegalStateException("the ranker has no model loaded"));
	}

}
