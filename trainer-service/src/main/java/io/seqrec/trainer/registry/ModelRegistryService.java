package io.seqrec.trainer.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelRegistryState;
import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.run.Experiment;
import io.seqrec.trainer.TrainerProperties;

/**
 * Publishes trained models and moves the live pointer.
 *
 * <p>
 * Every successful run becomes an immutable version in the model store. The gate compares
 * the new version's test metric with the live version's: a drop larger than the tolerance
 * keeps the version (status {@code REFUSED}, with the reason) but does not deploy it. An
 * accepted version goes live unless the live version is pinned (a rollback), and every
 * change of the live version is announced on {@code seqrec.model-updates}.
 */
@Service
public class ModelRegistryService {

	private static final Logger logger = LoggerFactory.getLogger(ModelRegistryService.class);

	private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final ModelStore store;

	private final ModelUpdatePublisher publisher;

	private final TrainerProperties properties;

	private final Clock clock;

	ModelRegistryService(ModelStore store, ModelUpdatePublisher publisher, TrainerProperties properties, Clock clock) {
		this.store = store;
		this.publisher = publisher;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Stores a trained model as a new version, applies the gate and, if accepted, makes
	 * it live.
	 * @param experiment the trained, evaluated model
	 * @return the stored version and the gate's decision
	 */
	public synchronized Publication publish(Experiment experiment) {
		String name = this.properties.name();
		String version = VERSION_TIME.format(this.clock.instant()) + "-" + UUID.randomUUID().toString().substring(0, 6);
		Path staging = this.store.stagingDirectory(name);
		Path artifact = staging.resolve("artifact");
		experiment.writeArtifact(artifact);
		Map<String, Double> metrics = new LinkedHashMap<>();
		experiment.outcome().test().values().forEach((k, v) -> metrics.put("test." + k, v));
		experiment.outcome().bestValid().values().forEach((k, v) -> metrics.put("valid." + k, v));
		String checksum = Manifest.FileEntry.of(artifact.resolve(Manifest.FILE_NAME)).sha256();
		ModelVersion entry = new ModelVersion(name, version, "", ModelVersion.Status.ACCEPTED, metrics, checksum,
				this.clock.instant().toString(), null);
		ModelRegistryState registry = this.store.registry(name);
		String refusal = gate(registry, metrics);
		if (refusal != null) {
			entry = entry.withStatus(ModelVersion.Status.REFUSED, refusal);
		}
		ModelVersion stored = this.store.publish(name, version, artifact, entry);
		deleteQuietly(staging);
		if (refusal != null) {
			logger.warn("model {} version {} refused by the gate: {}", name, version, refusal);
			return new Publication(stored, "refused: " + refusal);
		}
		if (registry.pinned()) {
			return new Publication(stored, "accepted; live version " + registry.live() + " stays pinned");
		}
		goLive(name, version, false);
		return new Publication(stored, "accepted and live");
	}

	private String gate(ModelRegistryState registry, Map<String, Double> metrics) {
		Optional<ModelVersion> live = Optional.ofNullable(registry.live()).flatMap(registry::version);
		if (live.isEmpty()) {
			return null;
		}
		String key = "test." + this.properties.gate().metric().toLowerCase(Locale.ROOT);
		Double candidate = metrics.get(key);
		Double current = live.get().metrics().get(key);
		if (candidate == null || current == null) {
			return "metric " + key + " is missing; cannot compare with live version " + live.get().version();
		}
		double tolerance = this.properties.gate().tolerance();
		if (candidate < current - tolerance) {
			return String.format(Locale.ROOT, "%s %.4f is worse than live version %s's %.4f by more than %.4f", key,
					candidate, live.get().version(), current, tolerance);
		}
		return null;
	}

	/**
	 * Pins a version as live (a rollback, or a forward pin): newer accepted versions will
	 * not replace it until {@link #followLatest} is called.
	 * @param name the model name
	 * @param version the version to serve
	 * @return the registry
	 */
	public synchronized ModelRegistryState pin(String name, String version) {
		return goLive(name, version, true);
	}

	/**
	 * Unpins and makes the newest accepted version live.
	 * @param name the model name
	 * @return the registry
	 */
	public synchronized ModelRegistryState followLatest(String name) {
		ModelRegistryState registry = this.store.registry(name);
		ModelVersion latest = registry.latestAccepted()
			.orElseThrow(() -> new IllegalArgumentException("model " + name + " has no accepted version"));
		return goLive(name, latest.version(), false);
	}

	private ModelRegistryState goLive(String name, String version, boolean pinned) {
		ModelRegistryState before = this.store.registry(name);
		ModelRegistryState after = this.store.setLive(name, version, pinned);
		if (!Objects.equals(before.live(), after.live())) {
			ModelVersion live = after.version(version).orElseThrow();
			this.publisher.announce(new ModelUpdate(name, version, live.location(), live.metrics(), live.checksum(),
					this.clock.millis()));
			logger.info("model {} version {} is live{}", name, version, pinned ? " (pinned)" : "");
		}
		return after;
	}

	/**
	 * Every model's registry.
	 * @return the registries, by name
	 */
	public List<ModelRegistryState> registries() {
		return this.store.names().stream().map(this.store::registry).toList();
	}

	/**
	 * One model's registry.
	 * @param name the model name
	 * @return the registry (empty if nothing was published)
	 */
	public ModelRegistryState registry(String name) {
		return this.store.registry(name);
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(java.util.Comparator.reverseOrder()).forEach((p) -> p.toFile().delete());
		}
		catch (IOException ex) {
			logger.debug("cannot clean {}: {}", dir, ex.getMessage());
		}
	}

}
