package io.seqrec.artifact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A model's registry: its versions, oldest first, and which one is live.
 *
 * @param name the model name
 * @param live the live version, or null
 * @param pinned whether the live version is pinned (newer accepted versions do not
 * replace it)
 * @param versions every stored version, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelRegistryState(String name, @Nullable String live, boolean pinned, List<ModelVersion> versions) {

	public ModelRegistryState {
		versions = List.copyOf(versions);
	}

	/**
	 * An empty registry.
	 * @param name the model name
	 * @return no versions, nothing live
	 */
	public static ModelRegistryState empty(String name) {
		return new ModelRegistryState(name, null, false, List.of());
	}

	/**
	 * Looks up a version.
	 * @param version the version
	 * @return its entry
	 */
	public Optional<ModelVersion> version(String version) {
		return this.versions.stream().filter((v) -> v.version().equals(version)).findFirst();
	}

	/**
	 * The newest accepted version.
	 * @return its entry, if any
	 */
	public Optional<ModelVersion> latestAccepted() {
		for (int i = this.versions.size() - 1; i >= 0; i--) {
			if (this.versions.get(i).status() == ModelVersion.Status.ACCEPTED) {
				return Optional.of(this.versions.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * A copy with an entry added, or replacing the entry of the same version.
	 * @param entry the entry
	 * @return the copy, versions still oldest first
	 */
	public ModelRegistryState with(ModelVersion entry) {
		List<ModelVersion> updated = new ArrayList<>(this.versions);
		updated.removeIf((v) -> v.version().equals(entry.version()));
		updated.add(entry);
		updated.sort((a, b) -> a.createdAt().compareTo(b.createdAt()));
		return new ModelRegistryState(this.name, this.live, this.pinned, updated);
	}

	/**
	 * A copy with a stored version's entry replaced (its status, or why it was refused).
	 * @param entry the new entry
	 * @return the copy
	 * @throws IllegalArgumentException if the version is not in the registry
	 */
	public ModelRegistryState withUpdated(ModelVersion entry) {
		if (version(entry.version()).isEmpty()) {
			throw new IllegalArgumentException("no version " + entry.version() + " of " + entry.name());
		}
		return with(entry);
	}

	/**
	 * A copy with another live version, checked as every store checks it: the version
	 * must be stored, and a version the gate refused goes live only when pinned.
	 * @param version the version to serve
	 * @param pin whether it stays live when newer versions pass the gate
	 * @return the copy
	 * @throws IllegalArgumentException if the version is unknown, or refused and not
	 * pinned
	 */
	public ModelRegistryState withLiveVersion(String version, boolean pin) {
		ModelVersion entry = version(version)
			.orElseThrow(() -> new IllegalArgumentException("model " + this.name + " has no version " + version));
		if (entry.status() != ModelVersion.Status.ACCEPTED && !pin) {
			throw new IllegalArgumentException("version " + version + " was refused by the gate; pin it explicitly");
		}
		return withLive(version, pin);
	}

	ModelRegistryState withLive(@Nullable String version, boolean pin) {
		return new ModelRegistryState(this.name, version, pin, this.versions);
	}

}
