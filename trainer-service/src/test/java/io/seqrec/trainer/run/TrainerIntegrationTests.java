package io.seqrec.trainer.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import ai.djl.Device;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelStore;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trainer's life cycle on an embedded Kafka broker and an embedded Redis server:
 * sequences written with the ingest contract's key layout are snapshotted, trained on and
 * published, the live version is announced on the model-update topic, the gate refuses a
 * worse model, the live pointer can be pinned and released, and failures leave the live
 * model in place. The API needs an admin key, and every error, the servlet container's
 * included, is a problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "seqrec.trainer.min-users=20",
				"seqrec.trainer.config.epochs=6", "seqrec.trainer.config.hidden_size=16",
				"seqrec.trainer.config.inner_size=32", "seqrec.trainer.config.n_layers=1",
				"seqrec.trainer.config.MAX_ITEM_LIST_LENGTH=10", "seqrec.trainer.config.train_batch_size=200",
				"seqrec.trainer.config.learning_rate=0.01", "seqrec.trainer.config.train_mode=all_positions",
				"seqrec.trainer.api-keys=" + TrainerIntegrationTests.ADMIN_KEY })
@EmbeddedKafka(topics = Topics.MODEL_UPDATES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainerIntegrationTests {

	static final String ADMIN_KEY = "admin-key";

	private static final int REDIS_PORT = freePort();

	private static final RedisServer REDIS = startRedis();

	private static final Path STORE = tempDir();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static String firstVersion;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private ModelStore store;

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RedisServer startRedis() {
		try {
			RedisServer server = RedisServer.newRedisServer().port(REDIS_PORT).bind("127.0.0.1").build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("seqrec-store");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
		registry.add("seqrec.trainer.store", STORE::toString);
	}

	@AfterAll
	static void stopRedis() throws IOException {
		REDIS.stop();
	}

	/** Writes sequences in the ingest contract's layout: a planted cycle, or noise. */
	private static void writeSequences(int users, boolean planted) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisCommands<String, String> redis = connection.sync();
			redis.flushall();
			SplittableRandom random = new SplittableRandom(users);
			long events = 0;
			for (int u = 0; u < users; u++) {
				int item = random.nextInt(30);
				for (int t = 0; t < 12; t++) {
					String eventId = "u" + u + "-" + t;
					redis.zadd(RedisKeys.sequence("user-" + u), 1_000_000 + t * 1000,
							RedisKeys.member(eventId, "item-" + item));
					item = planted ? (item * 7 + 3) % 30 : random.nextInt(30);
					events++;
				}
			}
			redis.set(RedisKeys.EVENT_COUNTER, Long.toString(events));
		}
		finally {
			client.shutdown();
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
			return !List.of("SNAPSHOT", "PREPARING", "TRAINING", "PUBLISHING").contains(now.get("status").asString());
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

	private List<JsonNode> modelUpdates() {
		List<JsonNode> updates = new ArrayList<>();
		try (Consumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
						ConsumerConfig.GROUP_ID_CONFIG, UUID.randomUUID().toString(),
						ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.MODEL_UPDATES));
			long deadline = System.currentTimeMillis() + 3_000;
			while (System.currentTimeMillis() < deadline) {
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
	@Order(1)
	void aRunSnapshotsTrainsPublishesAndAnnouncesTheLiveVersion() throws IOException {
		writeSequences(80, true);
		JsonNode run = startRunAndWait("SUCCEEDED");
		assertThat(run.get("data").get("users").asInt()).isEqualTo(80);
		assertThat(run.get("data").get("interactions").asInt()).isEqualTo(80 * 12);
		assertThat(run.get("epochs")).hasSize(6);
		assertThat(run.get("test").get("ndcg@10").asDouble()).isGreaterThan(0.3);
		assertThat(run.get("timings").has("snapshot")).isTrue();
		firstVersion = run.get("version").asString();
		assertThat(liveVersion()).isEqualTo(firstVersion);
		List<JsonNode> updates = modelUpdates();
		assertThat(updates).hasSize(1);
		JsonNode update = updates.get(0);
		assertThat(update.get("version").asString()).isEqualTo(firstVersion);
		Path artifact = this.store.resolve(update.get("location").asString());
		assertThat(update.get("checksum").asString())
			.isEqualTo(Manifest.FileEntry.of(artifact.resolve(Manifest.FILE_NAME)).sha256());
		try (ModelArtifact loaded = ModelArtifact.load(artifact, Device.cpu())) {
			assertThat(loaded.model().modelName()).isEqualTo("SASRec");
		}
	}

	@Test
	@Order(2)
	void aSecondTriggerDuringARunIsAConflictNamingTheRunningRun() {
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
	@Order(3)
	void aWorseModelIsRefusedByTheGateAndNotAnnounced() {
		String live = liveVersion();
		int announcedBefore = modelUpdates().size();
		writeSequences(80, false);
		JsonNode run = startRunAndWait("REFUSED");
		assertThat(run.get("gate").asString()).contains("worse than live version");
		assertThat(liveVersion()).isEqualTo(live);
		assertThat(modelUpdates()).hasSize(announcedBefore);
		JsonNode refused = versionEntry(run.get("version").asString());
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
	@Order(4)
	void pinningRollsBackAndFollowLatestReleasesThePin() {
		writeSequences(80, true);
		String newer = startRunAndWait("SUCCEEDED").get("version").asString();
		assertThat(liveVersion()).isEqualTo(newer);
		JsonNode pinned = postLive("{\"version\":\"" + firstVersion + "\"}");
		assertThat(pinned.get("live").asString()).isEqualTo(firstVersion);
		assertThat(pinned.get("pinned").asBoolean()).isTrue();
		JsonNode accepted = startRunAndWait("SUCCEEDED");
		assertThat(accepted.get("gate").asString()).contains("stays pinned");
		assertThat(liveVersion()).isEqualTo(firstVersion);
		JsonNode followed = postLive("{\"followLatest\":true}");
		assertThat(followed.get("live").asString()).isEqualTo(accepted.get("version").asString());
		assertThat(followed.get("pinned").asBoolean()).isFalse();
		List<JsonNode> updates = modelUpdates();
		assertThat(updates.subList(updates.size() - 3, updates.size())).extracting((u) -> u.get("version").asString())
			.containsExactly(newer, firstVersion, accepted.get("version").asString());
	}

	@Test
	@Order(5)
	void aFailingRunLeavesTheLiveModelInPlaceAndSaysWhy() {
		String live = liveVersion();
		writeSequences(5, true);
		JsonNode run = startRunAndWait("FAILED");
		assertThat(run.get("error").asString()).contains("only 5 users").contains("min-users");
		assertThat(liveVersion()).isEqualTo(live);
	}

	@Test
	@Order(6)
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
	@Order(7)
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
			.body("{\"version\":\"" + firstVersion + "\"}")
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
	@Order(8)
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
