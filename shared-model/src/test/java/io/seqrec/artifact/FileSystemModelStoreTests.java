package io.seqrec.artifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSystemModelStoreTests {

	@TempDir
	Path root;

	private ModelVersion publish(FileSystemModelStore store, String version, ModelVersion.Status status,
			String createdAt) throws IOException {
		Path staging = store.stagingDirectory("sasrec");
		Path artifact = staging.resolve("artifact");
		Files.createDirectories(artifact);
		Files.writeString(artifact.resolve("manifest.json"), "{}");
		ModelVersion entry = new ModelVersion("sasrec", version, "", status, Map.of("test.ndcg@10", 0.05), "abc",
				createdAt, null);
		return store.publish("sasrec", version, artifact, entry);
	}

	@Test
	void publishedVersionsAreImmutableAndListedOldestFirst() throws IOException {
		FileSystemModelStore store = new FileSystemModelStore(this.root);
		ModelVersion first = publish(store, "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		publish(store, "v2", ModelVersion.Status.REFUSED, "2026-11-22T11:00:00Z");
		assertThat(first.location()).isEqualTo("sasrec/v1");
		assertThat(store.resolve(first.location()).resolve("manifest.json")).exists();
		assertThatThrownBy(() -> publish(store, "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T12:00:00Z"))
			.isInstanceOf(ArtifactException.class)
			.hasMessageContaining("immutable");
		ModelRegistryState registry = store.registry("sasrec");
		assertThat(registry.versions()).extracting(ModelVersion::version).containsExactly("v1", "v2");
		assertThat(registry.live()).isNull();
		assertThat(registry.latestAccepted()).map(ModelVersion::version).contains("v1");
		assertThat(store.names()).containsExactly("sasrec");
	}

	@Test
	void theLivePointerSurvivesAReopenAndRefusedVersionsNeedAnExplicitPin() throws IOException {
		FileSystemModelStore store = new FileSystemModelStore(this.root);
		publish(store, "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		publish(store, "v2", ModelVersion.Status.REFUSED, "2026-11-22T11:00:00Z");
		store.setLive("sasrec", "v1", false);
		assertThatIllegalArgumentException().isThrownBy(() -> store.setLive("sasrec", "v2", false))
			.withMessageContaining("refused");
		assertThatIllegalArgumentException().isThrownBy(() -> store.setLive("sasrec", "v9", false))
			.withMessageContaining("no version v9");
		FileSystemModelStore reopened = new FileSystemModelStore(this.root);
		assertThat(reopened.live("sasrec")).map(ModelVersion::version).contains("v1");
		reopened.setLive("sasrec", "v2", true);
		assertThat(reopened.registry("sasrec").pinned()).isTrue();
		assertThat(this.root.resolve("sasrec/registry.json")).exists();
		try (var files = Files.list(this.root.resolve("sasrec"))) {
			assertThat(files.map((p) -> p.getFileName().toString())).noneMatch((n) -> n.endsWith(".tmp"));
		}
	}

	@Test
	void namesAndLocationsCannotEscapeTheStore() {
		FileSystemModelStore store = new FileSystemModelStore(this.root);
		assertThatIllegalArgumentException().isThrownBy(() -> store.stagingDirectory("../etc"));
		assertThatIllegalArgumentException().isThrownBy(() -> store.resolve("../../etc/passwd"));
		assertThat(store.registry("unknown").versions()).isEmpty();
		assertThat(store.live("unknown")).isEmpty();
	}

}
