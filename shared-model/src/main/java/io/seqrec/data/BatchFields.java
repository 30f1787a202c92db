package io.seqrec.data;

/**
 * Names of the arrays in a model batch. They follow RecBole's field names so that a batch
 * reads like RecBole's {@code Interaction}.
 */
public final class BatchFields {

	/** Padded item history {@code [B, L]}, left-aligned, 0 = padding. */
	public static final String ITEM_SEQ = "item_id_list";

	/** Number of real items in each history {@code [B]}, in {@code [1, L]}. */
	public static final String ITEM_SEQ_LEN = "item_length";

	/** The positive (next) item of each row {@code [B]}. */
	public static final String POS_ITEM = "item_id";

	/** One sampled negative per row {@code [B]} (BPR). */
	public static final String NEG_ITEM = "neg_item_id";

	/**
	 * {@code all_positions} mode: next item at every position {@code [B, L]}, 0 = no
	 * loss.
	 */
	public static final String TARGET_SEQ = "target_id_list";

	/** {@code all_positions} mode: one negative per position {@code [B, L]} (BPR). */
	public static final String NEG_SEQ = "neg_id_list";

	/**
	 * {@code all_positions} mode: flat indices {@code b * L + t} of positions with a
	 * target.
	 */
	public static final String TARGET_POSITIONS = "target_positions";

	/**
	 * BERT4Rec: the history with its cloze positions replaced by the mask token
	 * {@code [B, L]}.
	 */
	public static final String MASK_ITEM_SEQ = "Mask_item_id_list";

	/**
	 * BERT4Rec: the masked items, one per loss slot {@code [B, m]}, left-padded with 0.
	 */
	public static final String MASK_POS_ITEMS = "Pos_item_id";

	/**
	 * BERT4Rec: one negative per loss slot {@code [B, m]} (BPR), left-padded with 0.
	 */
	public static final String MASK_NEG_ITEMS = "Neg_item_id";

	/**
	 * BERT4Rec: the position of each loss slot {@code [B, m]}, left-padded with 0; a slot
	 * whose index is 0 carries no loss.
	 */
	public static final String MASK_INDEX = "MASK_INDEX";

	private BatchFields() {
	}

}
