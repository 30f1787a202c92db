package io.seqrec.ranker.recommend;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why an item was recommended.
 */
public enum Reason {

	/** Scored by the sequence model. */
	MODEL("model"),

	/** A popular item: the user, or all of their items, are unknown to the model. */
	POPULAR("popular");

	private final String json;

	Reason(String json) {
		this.json = json;
	}

	/**
	 * The JSON spelling.
	 * @return {@code model} or {@code popular}
	 */
	@JsonValue
	public String json() {
		return this.json;
	}

}
