package io.seqrec.ranker.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micro-batching: requests queue their sequences, and worker threads score whatever is
 * queued (up to a maximum, after an optional short wait for more) in one forward pass. A
 * pass over 32 sequences costs little more than a pass over one, because most of a small
 * model's time is per-operator overhead, not arithmetic.
 */
public final class BatchingScorer implements Scorer {

	private static final Logger logger = LoggerFactory.getLogger(BatchingScorer.class);

	private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();

	private final int maxBatchSize;

	private final long maxWaitNanos;

	private final List<Thread> workers = new ArrayList<>();

	private final DistributionSummary batchSizes;

	private volatile boolean running = true;

	/**
	 * Starts the workers.
	 * @param workers worker threads
	 * @param maxBatchSize the most sequences per pass (a larger single request is scored
	 * alone, in passes of this size)
	 * @param maxWait how long a worker waits for more requests after the first
	 * @param meters where the batch-size summary goes
	 */
	public BatchingScorer(int workers, int maxBatchSize, Duration maxWait, MeterRegistry meters) {
		this.maxBatchSize = maxBatchSize;
		this.maxWaitNanos = maxWait.toNanos();
		this.batchSizes = ScoringMeters.batchSizes(meters);
		for (int i = 0; i < workers; i++) {
			Thread worker = new Thread(this::work, "ranker-scorer-" + i);
			worker.setDaemon(true);
			worker.start();
			this.workers.add(worker);
		}
	}

	@Override
	public ScoreRows score(LiveModel model, List<int[]> sequences, int candidates) {
		if (!this.running) {
			throw new IllegalStateException("the scorer is stopped");
		}
		Job job = new Job(model, sequences, candidates, new CompletableFuture<>());
		this.queue.add(job);
		try {
			return job.result().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while scoring", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("scoring failed: " + ex.getCause(), ex.getCause());
		}
	}

	private void work() {
		List<Job> batch = new ArrayList<>();
		while (this.running) {
			try {
				collect(batch);
				run(batch);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			finally {
				batch.clear();
			}
		}
	}

	private void collect(List<Job> batch) throws InterruptedException {
		Job first = this.queue.take();
		batch.add(first);
		int rows = first.sequences().size();
		long deadline = System.nanoTime() + this.maxWaitNanos;
		while (rows < this.maxBatchSize) {
			Job next = this.queue.poll();
			if (next == null && this.maxWaitNanos > 0) {
				long left = deadline - System.nanoTime();
				next = (left > 0) ? this.queue.poll(left, TimeUnit.NANOSECONDS) : null;
			}
			if (next == null) {
				return;
			}
			batch.add(next);
			rows += next.sequences().size();
		}
	}

	private void run(List<Job> batch) {
		// usually one model; during a swap the batch may hold jobs of two versions
		while (!batch.isEmpty()) {
			LiveModel model = batch.get(0).model();
			List<Job> same = new ArrayList<>(batch.size());
			batch.removeIf((job) -> (job.model() == model) && same.add(job));
			if (same.size() == 1 && same.get(0).sequences().size() > this.maxBatchSize) {
				runAlone(same.get(0));
			}
			else {
				runTogether(model, same);
			}
		}
	}

	private void runTogether(LiveModel model, List<Job> jobs) {
		List<int[]> sequences = new ArrayList<>();
		int candidates = 1;
		for (Job job : jobs) {
			sequences.addAll(job.sequences());
			candidates = Math.max(candidates, job.candidates());
		}
		try {
			ScoreRows rows = ForwardPass.scores(model, sequences, candidates);
			this.batchSizes.record(sequences.size());
			int row = 0;
			for (Job job : jobs) {
				job.result().complete(rows.from(row));
				row += job.sequences().size();
			}
		}
		catch (RuntimeException ex) {
			logger.warn("scoring a batch of {} sequences on {} failed: {}", sequences.size(), model, ex.toString());
			jobs.forEach((job) -> job.result().completeExceptionally(ex));
		}
	}

	private void runAlone(Job job) {
		try {
			List<int[]> sequences = job.sequences();
			int columns = Math.min(job.candidates(), job.model().items().size());
			boolean full = columns == job.model().items().size();
			float[] scores = new float[sequences.size() * columns];
			int[] items = full ? null : new int[scores.length];
			for (int from = 0; from < sequences.size(); from += this.maxBatchSize) {
				List<int[]> chunk = sequences.subList(from, Math.min(sequences.size(), from + this.maxBatchSize));
				ScoreRows rows = ForwardPass.scores(job.model(), chunk, job.candidates());
				this.batchSizes.record(chunk.size());
				System.arraycopy(rows.scores(), 0, scores, from * columns, rows.scores().length);
				if (items != null) {
					System.arraycopy(rows.items(), 0, items, from * columns, rows.items().length);
				}
			}
			job.result().complete(new ScoreRows(scores, items, columns, 0));
		}
		catch (RuntimeException ex) {
			job.result().completeExceptionally(ex);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.workers.forEach(Thread::interrupt);
		Job job;
		while ((job = this.queue.poll()) != null) {
			job.result().completeExceptionally(new IllegalStateException("the scorer is stopped"));
		}
	}

	private record Job(LiveModel model, List<int[]> sequences, int candidates, CompletableFuture<ScoreRows> result) {
	}

}
