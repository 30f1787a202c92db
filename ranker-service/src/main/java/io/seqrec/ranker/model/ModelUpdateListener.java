package io.seqrec.ranker.model;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.Topics;

/**
 * Follows {@code seqrec.model-updates}. The group id is unique per instance, so that
 * every replica sees every update, and the compacted topic is read from its start.
 */
@Component
class ModelUpdateListener {

	/** The listener container's id. */
	static final String ID = "seqrec-ranker-model-updates";

	private final ModelLifecycle lifecycle;

	ModelUpdateListener(ModelLifecycle lifecycle) {
		this.lifecycle = lifecycle;
	}

	@KafkaListener(id = ID, topics = Topics.MODEL_UPDATES, groupId = "seqrec-ranker-${random.uuid}",
			containerFactory = "modelUpdateContainerFactory",
			properties = { "auto.offset.reset=earliest", "enable.auto.commit=false" })
	void onUpdate(ModelUpdate update) {
		this.lifecycle.apply(update);
	}

}
