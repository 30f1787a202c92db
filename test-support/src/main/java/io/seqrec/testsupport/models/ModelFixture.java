package io.seqrec.testsupport.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.data.PlantedSequences;

/**
 * A model artifact made once per JVM by {@link ModelFixtures}, over the catalogue of a
 * {@link PlantedSequences} cycle ({@code item-0..item-<n-1>}). Tests read it in place or
 * publish copies of it into model stores, as many versions as they like.
 */
public final class ModelFixture {

	private final String model;

	private final Path artifact;

	private final PlantedSequences pattern;

	private final int maxLength;

	private final Map<String, Double> metrics;

	ModelFixture(String model, Path artifact, PlantedSequences pattern, int maxLength, Map<String, Double> metrics) {
		this.model = model;
		this.artifact = artifact;
		this.pattern = pattern;
		this.maxLength = maxLength;
		this.metrics = Map.copyOf(metrics);
	}

	/**
	 * The model, as the registry names it.
	 * @return for example {@code SASRec}
	 */
	public String model() {
		return this.model;
	}

	/**
	 * The artifact directory, shared by the JVM's tests: read it, never change it.
	 * @return the directory
	 */
	public Path artifact() {
		return this.artifact;
	}

	/**
	 * The planted rule over the model's catalogue: a trained fixture learned it, an
	 * untrained one only shares its item ids.
	 * @return the rule
	 */
	public PlantedSequences pattern() {
		return this.pattern;
	}

	/**
	 * The catalogue size.
	 * @return items, without padding
	 */
	public int items() {
		return this.pattern.items();
	}

	/**
	 * {@code MAX_ITEM_LIST_LENGTH} of the model.
	 * @return the longest history it reads
	 */
	public int maxLength() {
		return this.maxLength;
	}

	/**
	 * The test metrics of the training run, as the trainer records them in a version
	 * ({@code test.ndcg@10}, ...).
	 * @return the metrics (empty for an untrained fixture)
	 */
	public Map<String, Double> metrics() {
		return this.metrics;
	}

	/**
	 * Copies the artifact.
	 * @param directory the directory to create
	 */
	public void copyTo(Path directory) {
		try (Stream<Path> files = Files.walk(this.artifact)) {
			for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
				Files.copy(file, directory.resolve(this.artifact.relativize(file).toString()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Publishes a copy as an accepted version and makes it live, as the trainer does
	 * before it announces a version.
	 * @param store the store
	 * @param name the model's name in the store
	 * @param version the version, new in the store
	 * @return the stored entry, with its location and manifest checksum
	 */
	public ModelVersion publish(ModelStore store, String name, String version) {
		return publish(store, name, version, false);
	}

	/**
	 * Publishes a copy whose parameters file has one byte flipped after its manifest was
	 * written (so the manifest's checksum matches the announcement but the parameters do
	 * not match the manifest), and makes it live.
	 * @param store the store
	 * @param name the model's name in the store
	 * @param version the version, new in the store
	 * @return the stored entry
	 */
	public ModelVersion publishCorrupted(ModelStore store, String name, String version) {
		return publish(store, name, version, true);
	}

	private ModelVersion publish(ModelStore store, String name, String version, boolean corrupt) {
		Path staging = store.stagingDirectory(name).resolve("artifact");
		copyTo(staging);
		if (corrupt) {
			flipOneByte(staging.resolve(ModelArtifact.PARAMS_PREFIX + "-0000.params"));
		}
		String checksum = Manifest.FileEntry.of(staging.resolve(Manifest.FILE_NAME)).sha256();
		ModelVersion stored = store.publish(name, version, staging, new ModelVersion(name, version, "",
				ModelVersion.Status.ACCEPTED, this.metrics, checksum, Instant.now().toString(), null));
		store.setLive(name, version, false);
		return stored;
	}

	private static void flipOneByte(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			bytes[bytes.length / 2] ^= 0x5a;
			Files.write(file, bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return this.model + " fixture (" + items() + " items, max length " + this.maxLength + ") at " + this.artifact;
	}

}
