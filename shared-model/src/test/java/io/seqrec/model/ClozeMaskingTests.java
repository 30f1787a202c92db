package io.seqrec.model;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import io.seqrec.data.BatchFields;
import io.seqrec.data.SequenceBatch;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BERT4Rec's cloze transform on hand-made batches: the worked examples of RecBole's
 * {@code MaskItemSequence} (mask positions drawn by a scripted generator), and its
 * invariants over many random batches.
 */
class ClozeMaskingTests {

	/** {@code n_items}; the mask token is this id. */
	private static final int ITEMS = 20;

	private static final int M = ITEMS;

	private static SequenceBatch batch(int[][] histories, int... lengths) {
		int length = histories[0].length;
		int[] flat = Arrays.stream(histories).flatMapToInt(Arrays::stream).toArray();
		int[] targets = new int[histories.length];
		Arrays.fill(targets, 1);
		return new SequenceBatch(histories.length).put(BatchFields.ITEM_SEQ, flat, histories.length, length)
			.put(BatchFields.ITEM_SEQ_LEN, lengths, histories.length)
			.put(BatchFields.POS_ITEM, targets, histories.length);
	}

	private static SequenceBatch masked(int slots, SequenceBatch batch, Scripted random) {
		new ClozeMasking(ITEMS, slots, 0.2, 0.5).apply(batch, random);
		assertThat(random.doubles).as("every scripted draw is used").isEmpty();
		return batch;
	}

	@Test
	void clozeMasksTheDrawnPositionsAndAMaskAtPositionZeroCarriesNoLoss() {
		// per batch: 0.9 >= ft_ratio (cloze); per position: < 0.2 masks
		Scripted random = new Scripted(new double[] { 0.9, 0.1, 0.5, 0.1 }, new int[] { 5, 11, 7, 9, 13 });
		SequenceBatch batch = masked(2, batch(new int[][] { { 5, 9, 7, 0, 0 } }, 3), random);
		assertThat(batch.get(BatchFields.MASK_ITEM_SEQ)).containsExactly(M, 9, M, 0, 0);
		assertThat(batch.get(BatchFields.MASK_POS_ITEMS)).containsExactly(5, 7);
		assertThat(batch.get(BatchFields.MASK_INDEX)).containsExactly(0, 2);
		// negatives are re-drawn while they are in the history: 5 then 11; 7, 9 then 13
		assertThat(batch.get(BatchFields.MASK_NEG_ITEMS)).containsExactly(11, 13);
		assertThat(ClozeMasking.lossSlots(batch)).isEqualTo(1);
		// the target is not used, the history is left as it was
		assertThat(batch.get(BatchFields.ITEM_SEQ)).containsExactly(5, 9, 7, 0, 0);
	}

	@Test
	void moreMasksThanSlotsKeepTheLastOnesAndTheEarlierStayMaskedWithoutLoss() {
		Scripted random = new Scripted(new double[] { 0.9, 0.1, 0.1, 0.1 }, new int[] { 1, 2 });
		SequenceBatch batch = masked(2, batch(new int[][] { { 5, 9, 7, 0, 0 } }, 3), random);
		assertThat(batch.get(BatchFields.MASK_ITEM_SEQ)).containsExactly(M, M, M, 0, 0);
		assertThat(batch.get(BatchFields.MASK_POS_ITEMS)).containsExactly(9, 7);
		assertThat(batch.get(BatchFields.MASK_INDEX)).containsExactly(1, 2);
		assertThat(batch.get(BatchFields.MASK_NEG_ITEMS)).containsExactly(1, 2);
		assertThat(ClozeMasking.lossSlots(batch)).isEqualTo(2);
	}

	@Test
	void fewerMasksThanSlotsAreLeftPaddedAndPaddingIsNeverMasked() {
		// three rows; the scan stops at the first padding, so row 1 draws twice only
		Scripted random = new Scripted(new double[] { 0.9, 0.5, 0.1, 0.5, 0.5, 0.5, 0.1, 0.5, 0.5, 0.5 },
				new int[] { 3, 4 });
		SequenceBatch batch = masked(3, batch(new int[][] { { 5, 9, 7, 2 }, { 6, 8, 0, 0 }, { 1, 2, 3, 0 } }, 4, 2, 3),
				random);
		assertThat(batch.get(BatchFields.MASK_ITEM_SEQ)).containsExactly(5, M, 7, 2, 6, M, 0, 0, 1, 2, 3, 0);
		assertThat(batch.get(BatchFields.MASK_POS_ITEMS)).containsExactly(0, 0, 9, 0, 0, 8, 0, 0, 0);
		assertThat(batch.get(BatchFields.MASK_INDEX)).containsExactly(0, 0, 1, 0, 0, 1, 0, 0, 0);
		assertThat(batch.get(BatchFields.MASK_NEG_ITEMS)).containsExactly(0, 0, 3, 0, 0, 4, 0, 0, 0);
		assertThat(ClozeMasking.lossSlots(batch)).isEqualTo(2);
	}

	@Test
	void fineTuningModeMasksTheLastHistoryItemOfEveryRow() {
		// 0.3 < ft_ratio: the whole batch masks the last history item, no per-position
		// draw
		Scripted random = new Scripted(new double[] { 0.3 }, new int[] { 9, 12, 4, 6 });
		SequenceBatch batch = masked(2, batch(new int[][] { { 5, 9, 7, 0, 0 }, { 4, 0, 0, 0, 0 } }, 3, 1), random);
		assertThat(batch.get(BatchFields.MASK_ITEM_SEQ)).containsExactly(5, 9, M, 0, 0, M, 0, 0, 0, 0);
		assertThat(batch.get(BatchFields.MASK_POS_ITEMS)).containsExactly(0, 7, 0, 4);
		assertThat(batch.get(BatchFields.MASK_INDEX)).containsExactly(0, 2, 0, 0);
		assertThat(batch.get(BatchFields.MASK_NEG_ITEMS)).containsExactly(0, 12, 0, 6);
		// a one-item history is masked at position 0: no loss
		assertThat(ClozeMasking.lossSlots(batch)).isEqualTo(1);
	}

	@Test
	void randomBatchesKeepTheInvariantsAndTheConfiguredRatios() {
		SplittableRandom random = new SplittableRandom(5);
		int length = 12;
		int slots = 3;
		int rows = 40;
		ClozeMasking masking = new ClozeMasking(ITEMS, slots, 0.25, 0.3);
		int fineTuning = 0;
		long clozeMasks = 0;
		long clozePositions = 0;
		int batches = 400;
		for (int b = 0; b < batches; b++) {
			int[][] histories = new int[rows][length];
			int[] lengths = new int[rows];
			for (int r = 0; r < rows; r++) {
				lengths[r] = 1 + random.nextInt(length);
				for (int t = 0; t < lengths[r]; t++) {
					histories[r][t] = 1 + random.nextInt(ITEMS - 1);
				}
			}
			SequenceBatch batch = batch(histories, lengths);
			masking.apply(batch, random);
			int[] input = batch.get(BatchFields.MASK_ITEM_SEQ);
			boolean lastOnly = true;
			long masks = 0;
			for (int r = 0; r < rows; r++) {
				int maskedHere = 0;
				for (int t = 0; t < length; t++) {
					int token = input[r * length + t];
					assertThat(token).isIn(histories[r][t], (t < lengths[r]) ? M : 0);
					maskedHere += (token == M) ? 1 : 0;
				}
				lastOnly &= maskedHere == 1 && input[r * length + lengths[r] - 1] == M;
				masks += maskedHere;
				checkSlots(batch, r, histories[r], lengths[r], slots);
			}
			if (lastOnly) {
				fineTuning++;
			}
			else {
				clozeMasks += masks;
				clozePositions += Arrays.stream(lengths).sum();
			}
		}
		assertThat(fineTuning / (double) batches).isCloseTo(0.3, Offset.offset(0.07));
		assertThat(clozeMasks / (double) clozePositions).isCloseTo(0.25, Offset.offset(0.02));
	}

	/**
	 * A row's slots: padded slots are all 0; a real slot points at a mask, its positive
	 * is the history item there and its negative lies outside the history.
	 */
	private static void checkSlots(SequenceBatch batch, int row, int[] history, int length, int slots) {
		int width = history.length;
		for (int s = row * slots; s < (row + 1) * slots; s++) {
			int index = batch.get(BatchFields.MASK_INDEX)[s];
			int pos = batch.get(BatchFields.MASK_POS_ITEMS)[s];
			int neg = batch.get(BatchFields.MASK_NEG_ITEMS)[s];
			if (pos == 0) {
				assertThat(new int[] { index, neg }).containsOnly(0);
				continue;
			}
			assertThat(batch.get(BatchFields.MASK_ITEM_SEQ)[row * width + index]).isEqualTo(M);
			assertThat(pos).isEqualTo(history[index]);
			assertThat(Arrays.copyOf(history, length)).doesNotContain(neg);
			assertThat(neg).isBetween(1, ITEMS - 1);
		}
	}

	/**
	 * A generator that replays given doubles ({@code nextDouble}) and given ints
	 * ({@code nextInt(origin, bound)}, the negative sampler's draws).
	 */
	private static final class Scripted implements RandomGenerator {

		private final Deque<Double> doubles = new ArrayDeque<>();

		private final Deque<Integer> ints = new ArrayDeque<>();

		Scripted(double[] doubles, int[] ints) {
			Arrays.stream(doubles).forEach(this.doubles::add);
			Arrays.stream(ints).forEach(this.ints::add);
		}

		@Override
		public double nextDouble() {
			return this.doubles.remove();
		}

		@Override
		public int nextInt(int origin, int bound) {
			int value = this.ints.remove();
			assertThat(value).isBetween(origin, bound - 1);
			return value;
		}

		@Override
		public long nextLong() {
			throw new UnsupportedOperationException("only scripted draws");
		}

	}

}
