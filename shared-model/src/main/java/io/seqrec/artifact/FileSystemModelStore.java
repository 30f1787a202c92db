package io.seqrec.artifact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model store on a directory: {@code <root>/<name>/<version>/} artifacts and
 * {@code <root>/<name>/registry.json}, which is replaced atomically on every change so
 * that readers never see it half-written.
 */
public final class FileSystemModelStore implements ModelStore {

	private static final String REGISTRY = "registry.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Path root;

	/**
	 * Creates a store.
	 * @param root the store's directory (created if missing)
	 */
	public FileSystemModelStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot create the model store at " + this.root + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The store's directory.
	 * @return the root
	 */
	public Path root() {
		return this.root;
	}

	@Override
	public Path stagingDirectory(String name) {
		try {
			Path staging = this.root.resolve(StoreNames.name(name)).resolve(".staging");
			Files.createDirectories(staging);
			return Files.createTempDirectory(staging, "artifact-");
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot create a staging directory in " + this.root + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public synchronized ModelVersion publish(String name, String version, Path artifact, ModelVersion entry) {
		Path target = this.root.resolve(StoreNames.name(name)).resolve(StoreNames.version(version));
		if (Files.exists(target)) {
			throw new ArtifactException("version " + name + "/" + version + " already exists; versions are immutable");
		}
		try {
			try {
				Files.move(artifact, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(artifact, target);
			}
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot move " + artifact + " to " + target + ": " + ex.getMessage(), ex);
		}
		ModelVersion stored = entry.at(name + "/" + version);
		writeRegistry(registry(name).with(stored));
		return stored;
	}

	@Override
	public synchronized void update(ModelVersion entry) {
		writeRegistry(registry(entry.name()).withUpdated(entry));
	}

	@Override
	public List<String> names() {
		try (Stream<Path> children = Files.list(this.root)) {
			return children.filter((p) -> Files.isRegularFile(p.resolve(REGISTRY)))
				.map((p) -> p.getFileName().toString())
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public ModelRegistryState registry(String name) {
		Path file = this.root.resolve(StoreNames.name(name)).resolve(REGISTRY);
		if (!Files.isRegularFile(file)) {
			return ModelRegistryState.empty(name);
		}
		try {
			return JSON.readValue(file.toFile(), ModelRegistryState.class);
		}
		catch (JacksonException ex) {
			throw new ArtifactException("the registry " + file + " is unreadable: " + ex.getMessage(), ex);
		}
	}

	@Override
	public synchronized ModelRegistryState setLive(String name, String version, boolean pinned) {
		ModelRegistryState updated = registry(name).withLiveVersion(version, pinned);
		writeRegistry(updated);
		return updated;
	}

	@Override
	public Path resolve(String location) {
		Path path = this.root.resolve(location).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("location " + location + " is outside the model store");
		}
		return path;
	}

	private void writeRegistry(ModelRegistryState registry) {
		Path dir = this.root.resolve(registry.name());
		try {
			Files.createDirectories(dir);
			Path temp = Files.createTempFile(dir, REGISTRY, ".tmp");
			JSON.writeValue(temp.toFile(), registry);
			try {
				Files.move(temp, dir.resolve(REGISTRY), StandardCopyOption.ATOMIC_MOVE,
						StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, dir.resolve(REGISTRY), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException | JacksonException ex) {
			throw new ArtifactException("cannot write the registry of " + registry.name() + ": " + ex.getMessage(), ex);
		}
	}

}
