package io.seqrec.trainer.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelStore;
import io.seqrec.contract.Topics;
import io.seqrec.data.PlantedSequences;
import io.seqrec.testsupport.EmbeddedPlatformServers;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;
import io.seqrec.testsupport.redis.RedisContractWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trainer's life cycle on an embedded Kafka broker and an embedded Redis server:
 * sequences written with the ingest contract's key layout are snapshotted, trained on and
 * published, the live version is announced on the model-update topic, the gate refuses a
 * worse model, the live pointer can be pinned and released, and failures leave the live
 * model in place. The API needs an admin key, and every error, the servlet container's
 * included, is a problem document. Every test starts from an empty model store and writes
 * the sequences it trains on, so the tests run alone or in any order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "seqrec.trainer.min-users=20", "seqrec.trainer.config.epochs=6",
				"seqrec.trainer.config.hidden_size=16", "seqrec.trainer.config.inner_size=32",
				"seqrec.trainer.config.n_layers=1", "seqrec.trainer.config.MAX_ITEM_LIST_LENGTH=10",
				"seqrec.trainer.config.train_batch_size=200", "seqrec.trainer.config.learning_rate=0.01",
				"seqrec.trainer.config.train_mode=all_positions",
				"seqrec.trainer.api-keys=" + TrainerIntegrationTests.ADMIN_KEY })
@EmbeddedPlatformServers
class TrainerIntegrationTests {

	static final String ADMIN_KEY = "admin-key";

	private static final PlantedSequences PATTERN = PlantedSequences.cycle(30);

	private static final int USERS = 80;

	private static final int LENGTH = 12;

	private static final List<String> ACTIVE = List.of("SNAPSHOT", "PREPARING", "TRAINING", "PUBLISHING");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path storeDir;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private ModelStore store;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("seqrec.trainer.store", () -> storeDir.toString());
	}

	/** No run in progress and no model in the store. */
	@BeforeEach
	void emptyModelStore() throws IOException {
		await().atMost(Duration.ofMinutes(2)).until(() -> {
			for (JsonNode run : JSON.readTree(http().get().uri("/v1/training-runs").retrieve().body(String.class))) {
				if (ACTIVE.contains(run.get("status").asString())) {
					return false;
				}
			}
			return true;
		});
		try (Stream<Path> files = Files.walk(storeDir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				if (!file.equals(storeDir)) {
					Files.delete(file);
				}
			}
		}
	}

	/**
	 * Replaces Redis's content with sequences in the ingest contract's layout.
	 * @param users how many users
	 * @param noise the share of random steps: 0 follows the planted rule, 1 is noise
	 */
	private static void writeSequences(int users, double noise) {
		try (RedisContractWriter writer = EmbeddedRedisServer.shared().writer()) {
			writer.flushAll().interactions(PATTERN.table(users, LENGTH, noise, users));
		}
	}

	private RestClient http() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-API-Key", ADMIN_KEY)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	private JsonNode startRunAndWait(String expectedStatus) {
		JsonNode run = JSON.readTree(http().post().uri("/v1/training-runs").retrieve().body(String.class));
		String id = run.get("id").asString();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200)).until(() -> {
			JsonNode now = get("/v1/training-runs/" + id);
			return !ACTIVE.contains(now.get("status").asString());
		});
		JsonNode done = get("/v1/training-runs/" + id);
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo(expectedStatus);
		return done;
	}

	private JsonNode get(String path) {
		return JSON.readTree(http().get().uri(path).retrieve().body(String.class));
	}

	private JsonNode postLive(String body) {
		return JSON.readTree(http().post()
			.uri("/v1/models/sasrec/live")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.body(String.class));
	}

	/**
	 * Every announcement on the topic so far, oldest first: all partitions read from
	 * their start to their end offsets (the trainer announces with acks=all and waits, so
	 * a finished run's announcement is below them). Every update is keyed by the model
	 * name, so all of them lie in one partition, in order.
	 */
	private List<JsonNode> modelUpdates() {
		List<JsonNode> updates = new ArrayList<>();
		try (Consumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.MODEL_UPDATES)
				.stream()
				.map((partition) -> new TopicPartition(partition.topic(), partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					assertThat(record.key()).isEqualTo("sasrec");
					updates.add(JSON.readTree(record.value()));
				}
			}
		}
		return updates;
	}

	private String liveVersion() {
		return get("/v1/models/sasrec").get("live").asString();
	}

	@Test
	void aRunSnapshotsTrainsPublishesAndAnnouncesTheLiveVersion() {
		writeSequences(USERS, 0.0);
		JsonNode run = startRunAndWait("SUCCEEDED");
		assertThat(run.get("data").get("users").asInt()).isEqualTo(USERS);
		assertThat(run.get("data").get("interactions").asInt()).isEqualTo(USERS * LENGTH);
		assertThat(run.get("epochs")).hasSize(6);
		assertThat(run.get("test").get("ndcg@10").asDouble()).isGreaterThan(0.3);
		assertThat(run.get("timings").has("snapshot")).isTrue();
		// the run's report page: one offline HTML file with its curves and results
		var report = http().get().uri(run.get("report").asString()).retrieve().toEntity(String.class);
		assertThat(report.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(report.getBody()).startsWith("<!DOCTYPE html>")
			.contains("uPlot")
			.contains("\"kind\":\"run\"")
			.contains("\"loss\":[")
			.contains("\"ndcg@10\":" + run.get("test").get("ndcg@10").asDouble())
			.doesNotContain("<script src");
		String version = run.get("version").asString();
		assertThat(liveVersion()).isEqualTo(version);
		// announced once, and last (earlier tests' announcements stay on the topic)
		List<JsonNode> updates = modelUpdates();
		assertThat(updates).filteredOn((u) -> u.get("version").asString().equals(version)).hasSize(1);
		JsonNode update = updates.get(updates.size() - 1);
		assertThat(update.get("version").asString()).isEqualTo(version);
		Path artifact = this.store.resolve(update.get("location").asString());
		assertThat(update.get("checksum").asString())
			.isEqualTo(Manifest.FileEntry.of(artifact.resolve(Manifest.FILE_NAME)).sha256());
		try (ModelArtifact loaded = ModelArtifact.load(artifact, Device.cpu())) {
			assertThat(loaded.model().modelName()).isEqualTo("SASRec");
		}
	}

	@Test
	void aSecondTriggerDuringARunIsAConflictNamingTheRunningRun() {
		writeSequences(USERS, 0.0);
		JsonNode run = JSON.readTree(http().post().uri("/v1/training-runs").retrieve().body(String.class));
		String id = run.get("id").asString();
		var second = http().post().uri("/v1/training-runs").retrieve().toEntity(String.class);
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		JsonNode problem = JSON.readTree(second.getBody());
		assertThat(problem.get("runId").asString()).isEqualTo(id);
		assertThat(problem.get("status").asInt()).isEqualTo(409);
		http().post().uri("/v1/training-runs/" + id + "/cancel").retrieve().toBodilessEntity();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> List.of("CANCELLED", "SUCCEEDED")
				.contains(get("/v1/training-runs/" + id).get("status").asString()));
	}

	@Test
	void aWorseModelIsRefusedByTheGateAndNotAnnounced() {
		writeSequences(USERS, 0.0);
		String live = startRunAndWait("SUCCEEDED").get("version").asString();
		writeSequences(USERS, 1.0);
		JsonNode run = startRunAndWait("REFUSED");
		String refusedVersion = run.get("version").asString();
		assertThat(run.get("gate").asString()).contains("worse than live version");
		assertThat(liveVersion()).isEqualTo(live);
		List<JsonNode> updates = modelUpdates();
		assertThat(updates.get(updates.size() - 1).get("version").asString()).isEqualTo(live);
		assertThat(updates).noneMatch((u) -> u.get("version").asString().equals(refusedVersion));
		JsonNode refused = versionEntry(refusedVersion);
		assertThat(refused.get("status").asString()).isEqualTo("REFUSED");
		assertThat(refused.get("reason").asString()).contains("ndcg@10");
	}

	private JsonNode versionEntry(String version) {
		for (JsonNode entry : get("/v1/models/sasrec").get("versions")) {
			if (entry.get("version").asString().equals(version)) {
				return entry;
			}
		}
		throw new AssertionError("no version " + version);
	}

	@Test
	void pinningRollsBackAndFollowLatestReleasesThePin() {
		writeSequences(USERS, 0.0);
		String first = startRunAndWait("SUCCEEDED").get("version").asString();
		// the same data and seed: the same metrics, so the gate lets the newer one go
		// live
		String newer = startRunAndWait("SUCCEEDED").get("version").asString();
		assertThat(liveVersion()).isEqualTo(newer);
		JsonNode pinned = postLive("{\"version\":\"" + first + "\"}");
		assertThat(pinned.get("live").asString()).isEqualTo(first);
		assertThat(pinned.get("pinned").asBoolean()).isTrue();
		JsonNode accepted = startRunAndWait("SUCCEEDED");
		assertThat(accepted.get("gate").asString()).contains("stays pinned");
		assertThat(liveVersion()).isEqualTo(first);
		JsonNode followed = postLive("{\"followLatest\":true}");
		assertThat(followed.get("live").asString()).isEqualTo(accepted.get("version").asString());
		assertThat(followed.get("pinned").asBoolean()).isFalse();
		List<JsonNode> updates = modelUpdates();
		assertThat(updates.subList(updates.size() - 3, updates.size())).extracting((u) -> u.get("version").asString())
			.containsExactly(newer, first, accepted.get("version").asString());
	}

	@Test
	void aFailingRunLeavesTheLiveModelInPlaceAndSaysWhy() {
		writeSequences(USERS, 0.0);
		String live = startRunAndWait("SUCCEEDED").get("version").asString();
		writeSequences(5, 0.0);
		JsonNode run = startRunAndWait("FAILED");
		assertThat(run.get("error").asString()).contains("only 5 users").contains("min-users");
		assertThat(liveVersion()).isEqualTo(live);
	}

	@Test
	void badRequestsAreProblemDocuments() {
		var empty = http().post()
			.uri("/v1/models/sasrec/live")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.retrieve()
			.toEntity(String.class);
		assertThat(empty.getStatusCode().value()).isEqualTo(400);
		assertThat(empty.getHeaders().getContentType().toString()).contains("problem+json");
		var unknown = http().post()
			.uri("/v1/models/sasrec/live")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"version\":\"nope\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(unknown.getStatusCode().value()).isEqualTo(400);
		assertThat(http().get().uri("/v1/training-runs/nope").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(404);
		assertThat(http().get().uri("/v1/models/nothing").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void theApiNeedsAnAdminKeyAndHealthDoesNot() {
		RestClient anonymous = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		int runsBefore = get("/v1/training-runs").size();
		var start = anonymous.post().uri("/v1/training-runs").retrieve().toEntity(String.class);
		assertThat(start.getStatusCode().value()).isEqualTo(401);
		assertThat(start.getHeaders().getContentType().toString()).contains("problem+json");
		assertThat(start.getHeaders().getFirst("WWW-Authenticate")).contains("X-API-Key");
		var pin = anonymous.post()
			.uri("/v1/models/sasrec/live")
			.header("X-API-Key", "not-the-key")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"version\":\"any\"}")
			.retrieve()
			.toEntity(String.class);
		assertThat(pin.getStatusCode().value()).isEqualTo(401);
		assertThat(anonymous.get().uri("/v1/models").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(401);
		assertThat(get("/v1/training-runs").size()).isEqualTo(runsBefore);
		assertThat(anonymous.get()
			.uri("/actuator/health/liveness")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		assertThat(
				anonymous.get().uri("/actuator/prometheus").retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void containerErrorsAreProblemDocumentsToo() throws IOException {
		for (String path : List.of("/v1/models/%00%ff", "/v1/models/..%2F..%2Fetc", "/v1/models/%zz",
				"/actuator/health/..;/..;/v1/models")) {
			String response = RawHttp.get(this.port, path, ADMIN_KEY);
			assertThat(response).as(path).startsWith("HTTP/1.1 400");
			assertThat(response).as(path).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).as(path).contains("\"status\":400").doesNotContain("<html");
		}
	}

}
