package io.seqrec.ranker.model;

import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;
import org.jspecify.annotations.Nullable;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelStore;

/**
 * Loads a version from the model store and proves it can serve before it is swapped in:
 * the manifest matches the announced checksum, every file matches the manifest, the
 * network rebuilds, and a warm-up pass scores every item.
 */
public final class ModelLoader {

	private final ModelStore store;

	/**
	 * Creates a loader.
	 * @param store the model store
	 */
	public ModelLoader(ModelStore store) {
		this.store = store;
	}

	/**
	 * Loads a version.
	 * @param name the registry name
	 * @param version the version
	 * @param location the artifact's location in the store
	 * @param checksum the announced SHA-256 of the manifest, or null to skip that check
	 * @param announcedAt epoch millis of the announcement (0 when read from the registry)
	 * @return the model, with the caller holding its one reference
	 * @throws ArtifactException if the artifact is missing, corrupt or cannot score
	 */
	public LiveModel load(String name, String version, String location, @Nullable String checksum, long announcedAt) {
		Path directory = this.store.resolve(location);
		if (checksum != null && !checksum.isBlank()) {
			String actual = Manifest.FileEntry.of(directory.resolve(Manifest.FILE_NAME)).sha256();
			if (!actual.equalsIgnoreCase(checksum)) {
				throw new ArtifactException("artifact " + directory + " is corrupt: its manifest's checksum is "
						+ actual + ", the model update announced " + checksum);
			}
		}
		LiveModel model = new LiveModel(name, version, announcedAt, ModelArtifact.load(directory, Device.cpu()));
		try {
			float[] scores = ForwardPass.scores(model, List.of(new int[] { Math.min(1, model.items().size() - 1) }));
			if (scores.length != model.items().size()) {
				throw new ArtifactException("artifact " + directory + " scores " + scores.length
						+ " items but its vocabulary has " + model.items().size());
			}
			return model;
		}
		catch (RuntimeException ex) {
			model.release();
			if (ex instanceof ArtifactException) {
				throw ex;
			}
			throw new ArtifactException("artifact " + directory + " cannot score: " + ex.getMessage(), ex);
		}
	}

}
