package io.seqrec.ingest.store;

/**
 * What a batch write did.
 *
 * @param written events added to sequences
 * @param duplicates events dropped because their id was already ingested
 * @param users users touched
 */
public record WriteResult(int written, int duplicates, int users) {

	/** Nothing written. */
	public static final WriteResult EMPTY = new WriteResult(0, 0, 0);

}
