package io.seqrec.model;

import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

import io.seqrec.data.AllPositionsWindows;
import io.seqrec.data.BatchFields;
import io.seqrec.data.SequenceBatch;
import io.seqrec.data.SequenceBatches;
import io.seqrec.data.SequenceSamples;

/**
 * How a model learns from a dataset under one {@code train_mode}, as the model declares
 * it: either {@link Batches} of samples for gradient descent, or a {@link OnePass} fit
 * without gradients. The training loop runs either without knowing the model.
 */
public sealed interface TrainingTask permits TrainingTask.Batches, TrainingTask.OnePass {

	/**
	 * RecBole's training: one sample per prefix of the training split (history, length,
	 * target), completed by the model's transform.
	 * @param train the training samples
	 * @param transform what the model adds to each batch
	 * @return the task
	 */
	static Batches prefixes(SequenceSamples train, BatchTransform transform) {
		return new Batches(train.size(), (size) -> size,
				(order, from, to) -> SequenceBatches.samples(train, order, from, to), transform, SequenceBatch::size,
				true);
	}

	/**
	 * {@code all_positions} training: each user's training sequence in windows of
	 * {@code L}, with the next item at every position ({@link BatchFields#TARGET_SEQ}). A
	 * batch holds {@code max(1, train_batch_size / L)} windows, about as many targets as
	 * a prefix batch, and its loss averages over its target positions.
	 * @param windows the windows
	 * @param transform what the model adds to each batch
	 * @return the task
	 */
	static Batches windows(AllPositionsWindows windows, BatchTransform transform) {
		int length = windows.maxLength();
		return new Batches(windows.size(), (size) -> Math.max(1, size / length),
				(order, from, to) -> SequenceBatches.windows(windows, order, from, to), transform,
				TrainingTask::targetPositions, true);
	}

	/**
	 * Number of positions with a target in a window batch.
	 * @param batch a batch with {@link BatchFields#TARGET_SEQ}
	 * @return the count of non-zero targets
	 */
	static double targetPositions(SequenceBatch batch) {
		int terms = 0;
		for (int target : batch.get(BatchFields.TARGET_SEQ)) {
			terms += (target != 0) ? 1 : 0;
		}
		return terms;
	}

	/**
	 * Gradient descent over shuffled samples. The loop asks for batches of rows in its
	 * shuffled order; the model's {@code calculateLoss} receives them as native arrays.
	 */
	final class Batches implements TrainingTask {

		private final int rows;

		private final RowsPerBatch rowsPerBatch;

		private final Source source;

		private final BatchTransform transform;

		private final ToDoubleFunction<SequenceBatch> lossTerms;

		private final boolean chunkable;

		private Batches(int rows, RowsPerBatch rowsPerBatch, Source source, BatchTransform transform,
				ToDoubleFunction<SequenceBatch> lossTerms, boolean chunkable) {
			this.rows = rows;
			this.rowsPerBatch = rowsPerBatch;
			this.source = source;
			this.transform = transform;
			this.lossTerms = lossTerms;
			this.chunkable = chunkable;
		}

		/**
		 * The same task computed in one piece per batch: for losses that compare the rows
		 * of a batch with each other (contrastive terms), whose gradient would change if
		 * a batch were computed in chunks.
		 * @return the task
		 */
		public Batches unchunked() {
			return new Batches(this.rows, this.rowsPerBatch, this.source, this.transform, this.lossTerms, false);
		}

		/**
		 * The same task with another count of loss terms per batch, for a model whose
		 * loss averages over something other than rows or target positions (BERT4Rec's
		 * masked slots).
		 * @param terms the number of terms of a completed batch or chunk
		 * @return the task
		 */
		public Batches withLossTerms(ToDoubleFunction<SequenceBatch> terms) {
			return new Batches(this.rows, this.rowsPerBatch, this.source, this.transform, terms, this.chunkable);
		}

		/**
		 * Rows (samples or windows) per epoch.
		 * @return the count
		 */
		public int rows() {
			return this.rows;
		}

		/**
		 * Rows per batch.
		 * @param trainBatchSize {@code train_batch_size}
		 * @return at least 1
		 */
		public int rowsPerBatch(int trainBatchSize) {
			return Math.max(1, this.rowsPerBatch.of(trainBatchSize));
		}

		/**
		 * Builds and completes the batch of rows {@code order[from..to)}.
		 * @param order a permutation of {@code 0..rows()-1}
		 * @param from first position in {@code order}
		 * @param to position after the last
		 * @param random the run's seeded generator
		 * @return the batch, ready to become native arrays
		 */
		public SequenceBatch batch(int[] order, int from, int to, RandomGenerator random) {
			SequenceBatch batch = this.source.batch(order, from, to);
			this.transform.apply(batch, random);
			return batch;
		}

		/**
		 * How many terms the mean loss of a batch averages over, so that a batch computed
		 * in chunks weights each chunk's mean by its share.
		 * @param batch a completed batch or chunk
		 * @return the number of loss terms
		 */
		public double lossTerms(SequenceBatch batch) {
			return this.lossTerms.applyAsDouble(batch);
		}

		/**
		 * Whether a batch's loss is the weighted mean of its chunks' losses, so that a
		 * large batch can be computed in chunks with accumulated gradients.
		 * @return true unless {@link #unchunked()}
		 */
		public boolean chunkable() {
			return this.chunkable;
		}

	}

	/**
	 * A fit in one pass over the training data, without gradient descent (RecBole's
	 * {@code Pop} counts targets).
	 *
	 * @param fit fits the model
	 */
	record OnePass(Runnable fit) implements TrainingTask {
	}

	/** Rows per batch for a {@code train_batch_size}. */
	@FunctionalInterface
	interface RowsPerBatch {

		int of(int trainBatchSize);

	}

	/** Builds the batch of rows {@code order[from..to)}. */
	@FunctionalInterface
	interface Source {

		SequenceBatch batch(int[] order, int from, int to);

	}

}
