package io.seqrec.artifact;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where model artifacts live, as immutable versions {@code name/version/}, with each
 * model's registry (versions, their metrics and status, and which one is live): a
 * directory ({@link FileSystemModelStore}, a shared volume in Kubernetes) or an
 * S3-compatible bucket ({@code S3ModelStore} in module {@code model-store-s3}).
 *
 * <p>
 * One writer (the trainer) publishes and moves the live pointer; any number of readers
 * (the rankers) resolve locations and read the live pointer.
 */
public interface ModelStore {

	/**
	 * A fresh directory in which to write a new artifact, on the store's file system so
	 * that {@link #publish} can move it into place atomically.
	 * @param name the model name
	 * @return an empty directory
	 */
	Path stagingDirectory(String name);

	/**
	 * Moves a complete artifact into the store as a new version and records it in the
	 * registry.
	 * @param name the model name
	 * @param version the new version (must not exist)
	 * @param artifact the artifact directory (from {@link #stagingDirectory})
	 * @param entry the registry entry to record
	 * @return the stored entry, with its location
	 */
	ModelVersion publish(String name, String version, Path artifact, ModelVersion entry);

	/**
	 * Updates the registry entry of a stored version (its status, or why it was refused).
	 * @param entry the new entry
	 */
	void update(ModelVersion entry);

	/**
	 * The model names in the store.
	 * @return the names, sorted
	 */
	List<String> names();

	/**
	 * A model's registry.
	 * @param name the model name
	 * @return the registry (empty when nothing was published)
	 */
	ModelRegistryState registry(String name);

	/**
	 * Sets the live version of a model.
	 * @param name the model name
	 * @param version the version to serve, which must be stored
	 * @param pinned whether it stays live when newer versions pass the gate (a rollback)
	 * @return the new registry
	 */
	ModelRegistryState setLive(String name, String version, boolean pinned);

	/**
	 * The artifact directory of a location: the store's own directory, or a verified
	 * local copy of an object store's version.
	 * @param location a location from a {@link ModelVersion}
	 * @return the directory
	 */
	Path resolve(String location);

	/**
	 * The live version of a model.
	 * @param name the model name
	 * @return its entry, if any version is live
	 */
	default Optional<ModelVersion> live(String name) {
		ModelRegistryState registry = registry(name);
		return Optional.ofNullable(registry.live()).flatMap(registry::version);
	}

}
