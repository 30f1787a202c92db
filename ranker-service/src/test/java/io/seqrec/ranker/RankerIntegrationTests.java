package io.seqrec.ranker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.ranker.model.LiveModel;
import io.seqrec.ranker.model.ModelHolder;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ranker on an embedded Kafka broker and an embedded Redis server, serving a tiny
 * SASRec trained on a planted pattern: the planted next item comes first, seen and
 * excluded items never appear, unknown users get popular items, a model update swaps the
 * model under a concurrent client without an error, a corrupt version is refused, native
 * memory does not grow, and the API key is enforced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"seqrec.ranker.api-keys=it-key", "seqrec.ranker.scoring.max-wait=1ms" })
@EmbeddedKafka(topics = Topics.MODEL_UPDATES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RankerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int REDIS_PORT = freePort();

	private static final RedisServer REDIS = startRedis();

	private static final Path STORE_DIR = tempDir();

	private static final FileSystemModelStore STORE = new FileSystemModelStore(STORE_DIR);

	static {
		PlantedModels.publishLive(STORE, "v1", false);
		writeSequences();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private ModelHolder holder;

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static RedisServer startRedis() {
		try {
			RedisServer server = RedisServer.newRedisServer().port(REDIS_PORT).bind("127.0.0.1").build();
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("seqrec-ranker-store");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Users {@code user-0..19}: 8 planted events each, in the contract's layout. */
	private static void writeSequences() {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisCommands<String, String> redis = connection.sync();
			for (int u = 0; u < 20; u++) {
				List<String> items = PlantedModels.sequence(start(u), 8);
				for (int t = 0; t < items.size(); t++) {
					redis.zadd(RedisKeys.sequence("user-" + u), 1_700_000_000_000L + t * 1000L,
							RedisKeys.member("e-" + u + "-" + t, items.get(t)));
				}
			}
			// a user none of whose items the model knows
			redis.zadd(RedisKeys.sequence("stranger"), 1_700_000_000_000L, RedisKeys.member("e-x", "brand-new"));
		}
		finally {
			client.shutdown();
		}
	}

	private static int start(int user) {
		return (user * 5) % PlantedModels.ITEMS;
	}

	private static String expectedNext(int user) {
		List<String> items = PlantedModels.sequence(start(user), 9);
		return items.get(8);
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
		registry.add("seqrec.ranker.store", STORE_DIR::toString);
	}

	@AfterAll
	static void stopRedis() throws IOException {
		REDIS.stop();
	}

	private RestClient http(String key) {
		RestClient.Builder builder = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			});
		if (key != null) {
			builder.defaultHeader("X-API-Key", key);
		}
		return builder.build();
	}

	private JsonNode get(String path) {
		ResponseEntity<String> response = http("it-key").get().uri(path).retrieve().toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return JSON.readTree(response.getBody());
	}

	private JsonNode post(String path, String body) {
		ResponseEntity<String> response = http("it-key").post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return JSON.readTree(response.getBody());
	}

	private static List<String> itemIds(JsonNode answer) {
		List<String> ids = new ArrayList<>();
		answer.get("items").forEach((item) -> ids.add(item.get("itemId").asString()));
		return ids;
	}

	private static Set<String> reasons(JsonNode answer) {
		Set<String> reasons = new HashSet<>();
		answer.get("items").forEach((item) -> reasons.add(item.get("reason").asString()));
		return reasons;
	}

	private void announce(ModelVersion version) {
		ModelUpdate update = new ModelUpdate("sasrec", version.version(), version.location(), Map.of(),
				version.checksum(), System.currentTimeMillis());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.MODEL_UPDATES, "sasrec", JSON.writeValueAsString(update)))
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	@Order(1)
	void thePlantedNextItemComesFirstAndSeenItemsNeverAppear() {
		for (int u = 0; u < 20; u++) {
			JsonNode answer = get("/v1/users/user-" + u + "/recommendations?k=10");
			List<String> items = itemIds(answer);
			assertThat(items).as("user-" + u).hasSize(10);
			assertThat(items.get(0)).as("user-" + u).isEqualTo(expectedNext(u));
			assertThat(items).doesNotContainAnyElementsOf(PlantedModels.sequence(start(u), 8));
			assertThat(reasons(answer)).containsExactly("model");
			assertThat(answer.get("version").asString()).isEqualTo("v1");
			assertThat(answer.get("model").asString()).isEqualTo("sasrec");
			assertThat(answer.get("userId").asString()).isEqualTo("user-" + u);
			assertThat(answer.get("recommendationId").asString()).hasSize(36);
		}
		// excluded items never appear, whatever their score
		String next = expectedNext(3);
		JsonNode excluded = get("/v1/users/user-3/recommendations?k=40&exclude=" + next + ",item-1");
		assertThat(itemIds(excluded)).doesNotContain(next, "item-1", "[PAD]")
			.doesNotContainAnyElementsOf(PlantedModels.sequence(start(3), 8))
			.hasSize(PlantedModels.ITEMS - 8 - 2);
		// without excluding seen items, everything but padding can rank
		JsonNode all = get("/v1/users/user-3/recommendations?k=100&excludeSeen=false");
		assertThat(itemIds(all)).hasSize(PlantedModels.ITEMS).doesNotContain("[PAD]");
	}

	@Test
	@Order(2)
	void sessionsScoreTheirKnownItemsAndReportTheUnknownOnes() {
		List<String> session = new ArrayList<>(PlantedModels.sequence(11, 5));
		session.add(2, "never-seen");
		JsonNode answer = post("/v1/recommendations",
				"{\"items\":" + JSON.writeValueAsString(session) + ",\"k\":5,\"exclude\":[\"item-0\"]}");
		assertThat(itemIds(answer).get(0)).isEqualTo(PlantedModels.sequence(11, 6).get(5));
		assertThat(itemIds(answer)).doesNotContain("item-0").doesNotContainAnyElementsOf(session);
		assertThat(answer.get("unknownItems").get(0).asString()).isEqualTo("never-seen");
		assertThat(answer.has("userId")).isFalse();
		JsonNode unknown = post("/v1/recommendations", "{\"items\":[\"x\",\"y\"],\"k\":3}");
		assertThat(reasons(unknown)).containsExactly("popular");
		assertThat(unknown.get("unknownItems")).hasSize(2);
	}

	@Test
	@Order(3)
	void unknownUsersGetPopularItems() {
		JsonNode nobody = get("/v1/users/nobody/recommendations?k=5");
		assertThat(reasons(nobody)).containsExactly("popular");
		assertThat(nobody.get("version").asString()).isEqualTo("v1");
		// the most popular items of the training data, most popular first
		List<Double> scores = new ArrayList<>();
		nobody.get("items").forEach((item) -> scores.add(item.get("score").asDouble()));
		assertThat(scores).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		JsonNode stranger = get("/v1/users/stranger/recommendations?k=5&exclude=" + itemIds(nobody).get(0));
		assertThat(reasons(stranger)).containsExactly("popular");
		assertThat(itemIds(stranger)).doesNotContain(itemIds(nobody).get(0)).containsAll(itemIds(nobody).subList(1, 5));
	}

	@Test
	@Order(4)
	void aBatchAnswersEveryUserInOrder() {
		JsonNode batch = post("/v1/recommendations/batch",
				"{\"requests\":[{\"userId\":\"user-1\",\"k\":3},{\"userId\":\"nobody\"},"
						+ "{\"userId\":\"user-2\",\"exclude\":[\"" + expectedNext(2) + "\"]}]}");
		JsonNode results = batch.get("results");
		assertThat(results).hasSize(3);
		assertThat(itemIds(results.get(0))).hasSize(3).first().isEqualTo(expectedNext(1));
		assertThat(reasons(results.get(1))).containsExactly("popular");
		assertThat(itemIds(results.get(1))).hasSize(10);
		assertThat(itemIds(results.get(2))).doesNotContain(expectedNext(2));
		assertThat(results.get(0).get("recommendationId").asString())
			.isNotEqualTo(results.get(2).get("recommendationId").asString());
	}

	@Test
	@Order(5)
	void apiKeysAreEnforcedExceptOnOperationsAndDocumentation() {
		for (String key : new String[] { null, "wrong" }) {
			ResponseEntity<String> refused = http(key).get()
				.uri("/v1/users/user-1/recommendations")
				.retrieve()
				.toEntity(String.class);
			assertThat(refused.getStatusCode().value()).isEqualTo(401);
			assertThat(refused.getHeaders().getContentType().toString()).contains("problem+json");
		}
		ResponseEntity<String> sneaky = http(null).get()
			.uri("/actuator/health/../../v1/users/user-1/recommendations")
			.retrieve()
			.toEntity(String.class);
		assertThat(sneaky.getStatusCode().value()).isIn(400, 401, 404);
		assertThat(http(null).get().uri("/actuator/health/readiness").retrieve().body(String.class))
			.contains("\"status\":\"UP\"");
		assertThat(http(null).get().uri("/actuator/health/liveness").retrieve().body(String.class))
			.contains("\"status\":\"UP\"");
		String docs = http(null).get().uri("/v3/api-docs").retrieve().body(String.class);
		assertThat(docs).contains("/v1/users/{userId}/recommendations", "/v1/recommendations/batch", "X-API-Key");
		assertThat(http(null).get()
			.uri("/swagger-ui/index.html")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		String metrics = http(null).get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("seqrec_ranker_model_info{", "version=\"v1\"", "seqrec_ranker_model_age_seconds",
				"seqrec_ranker_fallbacks_total{", "http_server_requests_seconds_bucket{",
				"uri=\"/v1/users/{userId}/recommendations\"");
	}

	@Test
	@Order(6)
	void servingDoesNotGrowNativeMemory() {
		LiveModel model = this.holder.peek();
		get("/v1/users/user-1/recommendations");
		int before = model.manager().getManagedArrays().size();
		for (int i = 0; i < 200; i++) {
			get("/v1/users/user-" + (i % 20) + "/recommendations");
		}
		post("/v1/recommendations/batch", "{\"requests\":[{\"userId\":\"user-1\"},{\"userId\":\"user-2\"}]}");
		assertThat(model.manager().getManagedArrays()).hasSize(before);
	}

	@Test
	@Order(7)
	void aModelUpdateSwapsTheModelUnderAConcurrentClientWithoutAnError() throws Exception {
		LiveModel old = this.holder.peek();
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		List<String> versions = new CopyOnWriteArrayList<>();
		Thread client = new Thread(() -> {
			RestClient http = http("it-key");
			int i = 0;
			while (!stop.get()) {
				ResponseEntity<String> response = http.get()
					.uri("/v1/users/user-" + (i++ % 20) + "/recommendations?k=3")
					.retrieve()
					.toEntity(String.class);
				if (response.getStatusCode().value() != 200) {
					failures.add(response.getStatusCode() + " " + response.getBody());
				}
				else {
					versions.add(JSON.readTree(response.getBody()).get("version").asString());
				}
			}
		});
		client.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> versions.size() > 5);
			announce(PlantedModels.publishLive(STORE, "v2", false));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !versions.isEmpty() && versions.get(versions.size() - 1).equals("v2"));
			int swappedAt = versions.size();
			await().atMost(Duration.ofSeconds(10)).until(() -> versions.size() > swappedAt + 5);
		}
		finally {
			stop.set(true);
			client.join(10_000);
		}
		assertThat(failures).isEmpty();
		assertThat(versions).contains("v1", "v2");
		// once v2 answered, v1 never answers again
		assertThat(versions.subList(versions.indexOf("v2"), versions.size())).containsOnly("v2");
		await().atMost(Duration.ofSeconds(10)).until(old::isClosed);
		assertThat(get("/v1/users/user-4/recommendations").get("version").asString()).isEqualTo("v2");
	}

	@Test
	@Order(8)
	void aCorruptVersionIsRefusedAndTheLiveOneKeepsServing() {
		announce(PlantedModels.publishLive(STORE, "v3", true));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> http(null).get()
				.uri("/actuator/prometheus")
				.retrieve()
				.body(String.class)
				.contains("seqrec_ranker_model_loads_total{application=\"seqrec-ranker\",outcome=\"refused\"} 1.0"));
		JsonNode answer = get("/v1/users/user-5/recommendations");
		assertThat(answer.get("version").asString()).isEqualTo("v2");
		assertThat(itemIds(answer).get(0)).isEqualTo(expectedNext(5));
		assertThat(this.holder.peek().version()).isEqualTo("v2");
	}

}
