package io.seqrec.artifact.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelRegistryState;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.testsupport.s3.S3MockServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 model store against a real S3-compatible server (S3Mock) started by the test:
 * the directory store's guarantees, and readers that never see a half-published version
 * while a writer publishes.
 */
class S3ModelStoreIntegrationTests {

	private static final String BUCKET = "models";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static S3MockServer server;

	private static S3Client client;

	@TempDir
	Path dir;

	@BeforeAll
	static void startServer() {
		server = S3MockServer.start(BUCKET);
		client = server.client();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	private S3ModelStore store(String prefix, String cache) {
		return new S3ModelStore(client, new S3ModelStoreSettings(URI.create(server.endpoint()), "us-east-1", BUCKET,
				prefix, true, this.dir.resolve(cache), 2, true));
	}

	/** A small artifact: two files and a manifest of their checksums. */
	private static void writeArtifact(Path artifact, String content) throws IOException {
		Files.createDirectories(artifact);
		Files.writeString(artifact.resolve("model-0000.params"), content.repeat(100));
		Files.writeString(artifact.resolve("items.json"), "[\"[PAD]\",\"" + content + "\"]");
		Map<String, Manifest.FileEntry> files = new LinkedHashMap<>();
		files.put("items.json", Manifest.FileEntry.of(artifact.resolve("items.json")));
		files.put("model-0000.params", Manifest.FileEntry.of(artifact.resolve("model-0000.params")));
		JSON.writeValue(artifact.resolve(Manifest.FILE_NAME).toFile(),
				new Manifest(Manifest.FORMAT, "SASRec", "2026-11-22T10:00:00Z", files));
	}

	private static ModelVersion publish(S3ModelStore store, String name, String version, ModelVersion.Status status,
			String createdAt) throws IOException {
		Path artifact = store.stagingDirectory(name).resolve("artifact");
		writeArtifact(artifact, version);
		String checksum = Manifest.FileEntry.of(artifact.resolve(Manifest.FILE_NAME)).sha256();
		return store.publish(name, version, artifact,
				new ModelVersion(name, version, "", status, Map.of("test.ndcg@10", 0.05), checksum, createdAt, null));
	}

	private static List<String> keys(String prefix) {
		return client.listObjectsV2Paginator((request) -> request.bucket(BUCKET).prefix(prefix))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	@Test
	void publishedVersionsAreImmutableListedOldestFirstAndDownloadedVerified() throws IOException {
		S3ModelStore trainer = store("immutable/", "trainer");
		ModelVersion first = publish(trainer, "sasrec", "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		publish(trainer, "sasrec", "v2", ModelVersion.Status.REFUSED, "2026-11-22T11:00:00Z");
		assertThat(first.location()).isEqualTo("sasrec/v1");
		assertThat(keys("immutable/")).contains("immutable/sasrec/registry.json", "immutable/sasrec/v1/manifest.json",
				"immutable/sasrec/v1/model-0000.params", "immutable/sasrec/v1/items.json");
		assertThatThrownBy(() -> publish(trainer, "sasrec", "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T12:00:00Z"))
			.isInstanceOf(ArtifactException.class)
			.hasMessageContaining("immutable");
		S3ModelStore ranker = store("immutable", "ranker");
		ModelRegistryState registry = ranker.registry("sasrec");
		assertThat(registry.versions()).extracting(ModelVersion::version).containsExactly("v1", "v2");
		assertThat(registry.live()).isNull();
		assertThat(ranker.names()).containsExactly("sasrec");
		Path local = ranker.resolve(first.location());
		assertThat(local).startsWith(this.dir.resolve("ranker"));
		assertThat(Files.readString(local.resolve("items.json"))).isEqualTo("[\"[PAD]\",\"v1\"]");
		assertThat(Manifest.FileEntry.of(local.resolve(Manifest.FILE_NAME)).sha256()).isEqualTo(first.checksum());
	}

	@Test
	void theLivePointerIsSharedAndRefusedVersionsNeedAnExplicitPin() throws IOException {
		S3ModelStore trainer = store("live", "trainer");
		publish(trainer, "sasrec", "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		publish(trainer, "sasrec", "v2", ModelVersion.Status.REFUSED, "2026-11-22T11:00:00Z");
		trainer.setLive("sasrec", "v1", false);
		assertThatIllegalArgumentException().isThrownBy(() -> trainer.setLive("sasrec", "v2", false))
			.withMessageContaining("refused");
		assertThatIllegalArgumentException().isThrownBy(() -> trainer.setLive("sasrec", "v9", false))
			.withMessageContaining("no version v9");
		S3ModelStore ranker = store("live", "ranker");
		assertThat(ranker.live("sasrec")).map(ModelVersion::version).contains("v1");
		ranker.setLive("sasrec", "v2", true);
		assertThat(trainer.registry("sasrec").pinned()).isTrue();
		assertThat(trainer.live("sasrec")).map(ModelVersion::version).contains("v2");
		ModelVersion refused = trainer.registry("sasrec").version("v2").orElseThrow();
		trainer.update(refused.withStatus(ModelVersion.Status.ACCEPTED, null));
		assertThat(ranker.registry("sasrec").version("v2")).map(ModelVersion::status)
			.contains(ModelVersion.Status.ACCEPTED);
		assertThat(ranker.registry("unknown").versions()).isEmpty();
		assertThat(ranker.live("unknown")).isEmpty();
	}

	@Test
	void aCorruptOrIncompleteVersionIsNeverHandedOut() throws IOException {
		S3ModelStore trainer = store("corrupt", "trainer");
		ModelVersion stored = publish(trainer, "sasrec", "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		client.putObject((request) -> request.bucket(BUCKET).key("corrupt/sasrec/v1/model-0000.params"),
				RequestBody.fromString("tampered", StandardCharsets.UTF_8));
		S3ModelStore ranker = store("corrupt", "ranker");
		assertThatThrownBy(() -> ranker.resolve(stored.location())).isInstanceOf(ArtifactException.class)
			.hasMessageContaining("s3://models/corrupt/sasrec/v1")
			.hasMessageContaining("checksum of model-0000.params");
		assertThat(this.dir.resolve("ranker/sasrec/v1")).doesNotExist();
		// an upload cut short: files but no manifest, and no registry entry
		client.putObject((request) -> request.bucket(BUCKET).key("corrupt/sasrec/v2/model-0000.params"),
				RequestBody.fromString("half", StandardCharsets.UTF_8));
		assertThat(ranker.registry("sasrec").version("v2")).isEmpty();
		assertThatThrownBy(() -> ranker.resolve("sasrec/v2")).isInstanceOf(ArtifactException.class)
			.hasMessageContaining("manifest.json");
		assertThatIllegalArgumentException().isThrownBy(() -> ranker.resolve("../../etc/passwd"));
		assertThatIllegalArgumentException().isThrownBy(() -> ranker.stagingDirectory("../etc"));
	}

	@Test
	void aRegistryWriteWithAStaleETagIsRefusedSoNoUpdateIsLost() throws IOException {
		S3ModelStore first = store("cas", "first");
		S3ModelStore second = store("cas", "second");
		publish(first, "sasrec", "v1", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		S3ModelStore.StoredRegistry read = first.readRegistry("sasrec");
		publish(second, "sasrec", "v2", ModelVersion.Status.ACCEPTED, "2026-11-22T11:00:00Z");
		// the first writer's read is stale now: writing its view would drop v2
		assertThat(first.writeRegistry(read.state(), read.etag())).isFalse();
		assertThat(first.writeRegistry(ModelRegistryState.empty("sasrec"), null)).isFalse();
		first.setLive("sasrec", "v1", false);
		assertThat(second.registry("sasrec").versions()).extracting(ModelVersion::version).containsExactly("v1", "v2");
		assertThat(second.registry("sasrec").live()).isEqualTo("v1");
	}

	@Test
	void readersSeeOnlyCompleteVerifiedVersionsWhileTheTrainerPublishes() throws Exception {
		S3ModelStore trainer = store("concurrent", "trainer");
		publish(trainer, "sasrec", "v00", ModelVersion.Status.ACCEPTED, "2026-11-22T10:00:00Z");
		trainer.setLive("sasrec", "v00", false);
		AtomicBoolean publishing = new AtomicBoolean(true);
		ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
		ExecutorService rankers = Executors.newFixedThreadPool(3);
		List<Future<Integer>> reads = new ArrayList<>();
		for (int r = 0; r < 3; r++) {
			S3ModelStore ranker = store("concurrent", "ranker-" + r);
			reads.add(rankers.submit(() -> {
				int loads = 0;
				String previous = "";
				while (publishing.get() || loads == 0) {
					ModelVersion live = ranker.live("sasrec").orElseThrow();
					assertThat(live.version()).isGreaterThanOrEqualTo(previous);
					Path local = ranker.resolve(live.location());
					Manifest.FileEntry manifest = Manifest.FileEntry.of(local.resolve(Manifest.FILE_NAME));
					assertThat(manifest.sha256()).isEqualTo(live.checksum());
					assertThat(Files.readString(local.resolve("items.json"))).contains(live.version());
					seen.add(live.version());
					previous = live.version();
					loads++;
				}
				return loads;
			}));
		}
		try {
			for (int v = 1; v <= 6; v++) {
				String version = String.format("v%02d", v);
				publish(trainer, "sasrec", version, ModelVersion.Status.ACCEPTED, "2026-11-22T11:00:0" + v + "Z");
				trainer.setLive("sasrec", version, false);
			}
		}
		finally {
			publishing.set(false);
		}
		for (Future<Integer> read : reads) {
			assertThat(read.get(60, TimeUnit.SECONDS)).isPositive();
		}
		rankers.shutdown();
		assertThat(seen).contains("v06");
		assertThat(trainer.registry("sasrec").versions()).hasSize(7);
		// each ranker keeps only the most recent versions it loaded
		try (var cached = Files.list(this.dir.resolve("ranker-0/sasrec"))) {
			assertThat(cached.count()).isLessThanOrEqualTo(2);
		}
	}

}
