package io.seqrec.trainer.registry;

import java.time.Clock;
import java.util.List;

import io.seqrec.artifact.ModelStore;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.trainer.TrainerProperties;

/**
 * A {@link ModelRegistryService} for tests without a broker: announcements of the live
 * version are recorded instead of sent to Kafka.
 */
public final class RecordingRegistries {

	private RecordingRegistries() {
	}

	/**
	 * Creates the registry service.
	 * @param store the model store
	 * @param properties the trainer settings (model name, gate)
	 * @param clock the clock
	 * @param announced receives every announcement, in order
	 * @return the service
	 */
	public static ModelRegistryService create(ModelStore store, TrainerProperties properties, Clock clock,
			List<ModelUpdate> announced) {
		ModelUpdatePublisher publisher = new ModelUpdatePublisher(null) {
			@Override
			void announce(ModelUpdate update) {
				announced.add(update);
			}
		};
		return new ModelRegistryService(store, publisher, properties, clock);
	}

}
