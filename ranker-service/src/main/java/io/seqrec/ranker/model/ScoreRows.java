package io.seqrec.ranker.model;

import org.jspecify.annotations.Nullable;

/**
 * Scores of consecutive rows of one forward pass, in one of two shapes. Full rows
 * ({@code items} null): position {@code p} of a row holds the score of internal index
 * {@code p}, padding (index 0) included. Candidate rows: a row holds the best
 * {@link #columns()} scores of its sequence, best first, selected on the engine, and
 * {@code items} their internal indices (padding may be among them).
 *
 * @param scores the scores, row-major
 * @param items for candidate rows, the internal index of each score; null for full rows
 * @param columns scores per row ({@code n_items} for full rows)
 * @param firstRow the row of this caller's first sequence
 */
public record ScoreRows(float[] scores, int @Nullable [] items, int columns, int firstRow) {

	/**
	 * Asks the scorer for full rows.
	 */
	public static final int ALL = Integer.MAX_VALUE;

	/**
	 * Where a row starts in {@link #scores()}.
	 * @param row the caller's row
	 * @return the offset of its first score
	 */
	public int offset(int row) {
		return (this.firstRow + row) * this.columns;
	}

	/**
	 * The internal index scored at a position of a row.
	 * @param row the caller's row
	 * @param position the position in the row
	 * @return the item's internal index
	 */
	public int item(int row, int position) {
		return (this.items != null) ? this.items[offset(row) + position] : position;
	}

	/**
	 * The score at a position of a row.
	 * @param row the caller's row
	 * @param position the position in the row
	 * @return the score
	 */
	public float score(int row, int position) {
		return this.scores[offset(row) + position];
	}

	/**
	 * Whether the rows hold every item's score.
	 * @return true for full rows
	 */
	public boolean full() {
		return this.items == null;
	}

	/**
	 * The same scores seen from another first row (a caller's share of a batch).
	 * @param row the row of the caller's first sequence
	 * @return the view
	 */
	ScoreRows from(int row) {
		return new ScoreRows(this.scores, this.items, this.columns, row);
	}

}
