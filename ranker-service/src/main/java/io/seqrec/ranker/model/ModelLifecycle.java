package io.seqrec.ranker.model;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.ranker.RankerProperties;

/**
 * Keeps the live model current: loads the registry's live version when the service starts
 * (before the web server and the update listener), then applies model updates. An update
 * is applied only if it is newer than what is loaded: not the loaded version, published
 * after the last applied update, and still the registry's live version (the compacted
 * topic is read from its start, so older announcements are replayed). A version that
 * fails to load is refused, logged and counted, and the current model keeps serving.
 */
@Component
public class ModelLifecycle implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ModelLifecycle.class);

	private static final String NUM_THREADS = "ai.djl.pytorch.num_threads";

	private final ModelHolder holder;

	private final ModelLoader loader;

	private final ModelStore store;

	private final ModelMetrics metrics;

	private final RankerProperties properties;

	private volatile boolean running;

	private long lastAnnouncedAt;

	ModelLifecycle(ModelHolder holder, ModelLoader loader, ModelStore store, ModelMetrics metrics,
			RankerProperties properties) {
		this.holder = holder;
		this.loader = loader;
		this.store = store;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Override
	public void start() {
		int threads = this.properties.scoring().intraOpThreads();
		if (threads > 0 && System.getProperty(NUM_THREADS) == null) {
			// read by the PyTorch engine when it starts in this process
			System.setProperty(NUM_THREADS, Integer.toString(threads));
		}
		loadLive();
		this.running = true;
	}

	/**
	 * Loads the registry's live version, if there is one and it is not loaded yet.
	 * @return true if a model was swapped in
	 */
	public synchronized boolean loadLive() {
		String name = this.properties.modelName();
		Optional<ModelVersion> live;
		try {
			live = this.store.live(name);
		}
		catch (RuntimeException ex) {
			logger.warn("cannot read the registry of model {}: {}", name, ex.getMessage());
			return false;
		}
		if (live.isEmpty()) {
			logger.info("model {} has no live version in the store yet; waiting for a model update", name);
			return false;
		}
		LiveModel current = this.holder.peek();
		if (current != null && current.version().equals(live.get().version())) {
			return false;
		}
		return load(name, live.get().version(), live.get().location(), live.get().checksum(), 0);
	}

	/**
	 * Applies a model update if it is newer than what is loaded.
	 * @param update the update
	 * @return true if the model was swapped
	 */
	public synchronized boolean apply(ModelUpdate update) {
		String name = this.properties.modelName();
		if (!name.equals(update.name())) {
			return false;
		}
		LiveModel current = this.holder.peek();
		if (current != null && current.version().equals(update.version())) {
			this.lastAnnouncedAt = Math.max(this.lastAnnouncedAt, update.publishedAt());
			logger.debug("model {} version {} is already loaded", name, update.version());
			return false;
		}
		if (update.publishedAt() <= this.lastAnnouncedAt) {
			logger.debug("ignoring model update {} of {}: not newer than the last applied", update.version(), name);
			return false;
		}
		String registryLive;
		try {
			registryLive = this.store.registry(name).live();
		}
		catch (RuntimeException ex) {
			logger.warn("cannot read the registry of model {}; applying update {} as announced: {}", name,
					update.version(), ex.getMessage());
			registryLive = null;
		}
		if (registryLive != null && !registryLive.equals(update.version())) {
			logger.info("ignoring model update {} of {}: the registry's live version is now {}", update.version(), name,
					registryLive);
			return false;
		}
		this.lastAnnouncedAt = update.publishedAt();
		return load(name, update.version(), update.location(), update.checksum(), update.publishedAt());
	}

	private boolean load(String name, String version, String location, String checksum, long announcedAt) {
		long start = System.nanoTime();
		LiveModel model;
		try {
			model = this.loader.load(name, version, location, checksum, announcedAt);
		}
		catch (RuntimeException ex) {
			this.metrics.refused();
			LiveModel current = this.holder.peek();
			logger.warn("refused model {} version {} ({}); {}", name, version, ex.getMessage(),
					(current != null) ? "version " + current.version() + " keeps serving" : "no model is serving");
			return false;
		}
		LiveModel previous = this.holder.swap(model);
		this.metrics.swapped(model);
		logger.info("model {} version {} is live ({} items, loaded in {} ms){}", name, version,
				model.items().size() - 1, (System.nanoTime() - start) / 1_000_000,
				(previous != null) ? "; version " + previous.version() + " closes after its requests" : "");
		return true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the Kafka listener containers and the web server
		return 0;
	}

}
