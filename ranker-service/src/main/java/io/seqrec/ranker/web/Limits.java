package io.seqrec.ranker.web;

/**
 * Size limits of requests.
 */
final class Limits {

	/** The longest user or item id. */
	static final int MAX_ID_LENGTH = 256;

	/** The most items in a session or an exclusion list. */
	static final int MAX_ITEMS = 1000;

	/** The most users in a batch. */
	static final int MAX_BATCH = 100;

	private Limits() {
	}

}
