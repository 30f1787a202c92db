package io.seqrec.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.jspecify.annotations.Nullable;

/**
 * Turns full-sort scores into the rank of each row's positive item, on the engine.
 *
 * <p>
 * The padding column 0 is set to minus infinity first (RecBole's
 * {@code scores[:, 0] = -inf}). Ties are broken by item id (an item with the same score
 * and a smaller id ranks first), which is deterministic and never optimistic; continuous
 * model scores practically never tie, but {@code Pop}'s counts do.
 */
public final class Ranks {

	private Ranks() {
	}

	/**
	 * Ranks of the positives.
	 * @param scores {@code [B, I]} scores of every item (owned by a batch manager)
	 * @param targets {@code [B]} positive item ids (int64)
	 * @param excluded {@code [B, L]} item ids to rank last (the history when excluding
	 * seen items; 0 entries hit the padding column, which is excluded anyway), or null
	 * @return the 1-based rank of each row's positive among all {@code I} items
	 * @throws IllegalStateException if the model produced NaN scores
	 */
	public static long[] of(NDArray scores, NDArray targets, @Nullable NDArray excluded) {
		return compute(scores, targets, excluded);
	}

	/**
	 * Ranks of the positives without exclusions.
	 * @param scores {@code [B, I]}
	 * @param targets {@code [B]}
	 * @return the 1-based ranks
	 */
	public static long[] of(NDArray scores, NDArray targets) {
		return compute(scores, targets, null);
	}

	private static long[] compute(NDArray scores, NDArray targets, @Nullable NDArray excluded) {
		NDManager manager = scores.getManager();
		long batch = scores.getShape().get(0);
		long items = scores.getShape().get(1);
		NDArray padding = manager.zeros(new Shape(items));
		padding.set(new NDIndex("0"), Float.NEGATIVE_INFINITY);
		NDArray masked = scores.add(padding); // (B, I)
		if (excluded != null) {
			NDArray minusInf = manager.full(excluded.getShape(), Float.NEGATIVE_INFINITY);
			masked = masked.scatter(excluded, minusInf, 1);
		}
		NDArray column = targets.reshape(batch, 1);
		NDArray targetScore = masked.gather(column, 1); // (B, 1)
		if (targetScore.isNaN().any().getBoolean()) {
			throw new IllegalStateException("the model produced NaN scores; training diverged");
		}
		NDArray ids = manager.arange(items).toType(DataType.INT64, false).reshape(1, items);
		NDArray ahead = masked.gt(targetScore).logicalOr(masked.eq(targetScore).logicalAnd(ids.lt(column)));
		return ahead.sum(new int[] { 1 }).add(1).toType(DataType.INT64, false).toLongArray();
	}

}
