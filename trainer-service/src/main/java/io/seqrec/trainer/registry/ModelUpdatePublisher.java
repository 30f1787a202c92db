package io.seqrec.trainer.registry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.Topics;

/**
 * Announces every change of the live version on {@code seqrec.model-updates} (compacted,
 * key = model name), and waits for the broker's acknowledgement.
 */
@Component
class ModelUpdatePublisher {

	private final KafkaTemplate<String, ModelUpdate> template;

	ModelUpdatePublisher(KafkaTemplate<String, ModelUpdate> modelUpdateTemplate) {
		this.template = modelUpdateTemplate;
	}

	void announce(ModelUpdate update) {
		try {
			this.template.send(Topics.MODEL_UPDATES, update.name(), update).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while announcing " + update.version(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot announce model " + update.name() + " version " + update.version()
					+ " on " + Topics.MODEL_UPDATES + ": " + ex.getMessage(), ex);
		}
	}

}
