package io.seqrec.contract;

/**
 * Kafka topic names.
 */
public final class Topics {

	/** Interaction events, key = user id, JSON value ({@link InteractionEvent}). */
	public static final String INTERACTIONS = "seqrec.interactions";

	/** Records that could not be ingested, with the reason in the headers. */
	public static final String INTERACTIONS_DLT = "seqrec.interactions.dlt";

	/** Changes of the live model, compacted, key = model name ({@link ModelUpdate}). */
	public static final String MODEL_UPDATES = "seqrec.model-updates";

	private Topics() {
	}

}
