package io.seqrec.ranker.model;

/**
 * Scores of consecutive rows of one forward pass: row {@code i} holds the score of every
 * internal item index, padding (index 0) included.
 *
 * @param scores the forward pass's scores, row-major
 * @param columns scores per row ({@code n_items})
 * @param firstRow the row of this caller's first sequence
 */
public record ScoreRows(float[] scores, int columns, int firstRow) {

	/**
	 * Where a row starts in {@link #scores()}.
	 * @param row the caller's row
	 * @return the offset of its score of index 0
	 */
	public int offset(int row) {
		return (this.firstRow + row) * this.columns;
	}

}
