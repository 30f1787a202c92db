package io.seqrec.ranker.recommend;

/**
 * One recommended item.
 *
 * @param itemId the item's external id
 * @param score the model's score, or the item's interaction count for popular items
 * @param reason why it is recommended
 */
public record RecommendedItem(String itemId, double score, Reason reason) {
}
