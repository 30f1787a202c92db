package io.seqrec.ranker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.Topics;
import io.seqrec.data.PlantedSequences;
import io.seqrec.ranker.model.LiveModel;
import io.seqrec.ranker.model.ModelHolder;
import io.seqrec.testsupport.EmbeddedPlatformServers;
import io.seqrec.testsupport.models.ModelFixture;
import io.seqrec.testsupport.models.ModelFixtures;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;
import io.seqrec.testsupport.redis.RedisContractWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ranker on an embedded Kafka broker and an embedded Redis server, serving a tiny
 * SASRec trained on a planted pattern (test-support's fixture): the planted next item
 * comes first, seen and excluded items never appear, unknown users get popular items, a
 * model update swaps the model under a concurrent client without an error, a corrupt
 * version is refused, native memory does not grow, and the API key is enforced. The tests
 * run in any order: those that announce versions publish fresh ones, and every test
 * compares with the version served when it starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "seqrec.ranker.api-keys=it-key", "seqrec.ranker.scoring.max-wait=1ms" })
@EmbeddedPlatformServers
class RankerIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int USERS = 20;

	private static final int LENGTH = 8;

	@TempDir
	static Path storeDir;

	private static FileSystemModelStore store;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private ModelHolder holder;

	@Autowired
	private MeterRegistry meters;

	private static ModelFixture model() {
		return ModelFixtures.planted("SASRec");
	}

	private static PlantedSequences pattern() {
		return model().pattern();
	}

	/**
	 * Before the ranker starts: a live model in its store, and users {@code user-0..19}
	 * with 8 planted events each in Redis, plus a user none of whose items the model
	 * knows.
	 */
	@BeforeAll
	static void publishAModelAndWriteSequences(EmbeddedRedisServer redis) {
		store = new FileSystemModelStore(storeDir);
		model().publish(store, "sasrec", ModelFixtures.nextVersion());
		try (RedisContractWriter writer = redis.writer()) {
			for (int u = 0; u < USERS; u++) {
				writer.sequence(PlantedSequences.userId(u), history(u, LENGTH));
			}
			writer.event("stranger", "e-x", "brand-new", RedisContractWriter.FIRST_EVENT_MILLIS);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("seqrec.ranker.store", () -> storeDir.toString());
	}

	private static int start(int user) {
		return (user * 5) % pattern().items();
	}

	private static List<String> history(int user, int length) {
		return items(pattern().walk(start(user), length));
	}

	private static List<String> items(int[] indices) {
		return Arrays.stream(indices).mapToObj(PlantedSequences::itemId).toList();
	}

	private static String expectedNext(int user) {
		return PlantedSequences.itemId(pattern().after(start(user), LENGTH));
	}

	/** The version the ranker serves now. */
	private String live() {
		return this.holder.peek().version();
	}

	private double refusedLoads() {
		return this.meters.get("seqrec.ranker.model.loads").tag("outcome", "refused").counter().count();
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
	void thePlantedNextItemComesFirstAndSeenItemsNeverAppear() {
		String live = live();
		for (int u = 0; u < USERS; u++) {
			JsonNode answer = get("/v1/users/user-" + u + "/recommendations?k=10");
			List<String> items = itemIds(answer);
			assertThat(items).as("user-" + u).hasSize(10);
			assertThat(items.get(0)).as("user-" + u).isEqualTo(expectedNext(u));
			assertThat(items).doesNotContainAnyElementsOf(history(u, LENGTH));
			assertThat(reasons(answer)).containsExactly("model");
			assertThat(answer.get("version").asString()).isEqualTo(live);
			assertThat(answer.get("model").asString()).isEqualTo("sasrec");
			assertThat(answer.get("userId").asString()).isEqualTo("user-" + u);
			assertThat(answer.get("recommendationId").asString()).hasSize(36);
		}
		// excluded items never appear, whatever their score
		String next = expectedNext(3);
		String unseen = PlantedSequences.itemId(pattern().after(start(3), LENGTH + 1));
		JsonNode excluded = get("/v1/users/user-3/recommendations?k=40&exclude=" + next + "," + unseen);
		assertThat(itemIds(excluded)).doesNotContain(next, unseen, "[PAD]")
			.doesNotContainAnyElementsOf(history(3, LENGTH))
			.hasSize(pattern().items() - LENGTH - 2);
		// without excluding seen items, everything but padding can rank
		JsonNode all = get("/v1/users/user-3/recommendations?k=100&excludeSeen=false");
		assertThat(itemIds(all)).hasSize(pattern().items()).doesNotContain("[PAD]");
	}

	@Test
	void sessionsScoreTheirKnownItemsAndReportTheUnknownOnes() {
		List<String> session = new ArrayList<>(items(pattern().walk(11, 5)));
		session.add(2, "never-seen");
		JsonNode answer = post("/v1/recommendations",
				"{\"items\":" + JSON.writeValueAsString(session) + ",\"k\":5,\"exclude\":[\"item-0\"]}");
		assertThat(itemIds(answer).get(0)).isEqualTo(PlantedSequences.itemId(pattern().after(11, 5)));
		assertThat(itemIds(answer)).doesNotContain("item-0").doesNotContainAnyElementsOf(session);
		assertThat(answer.get("unknownItems").get(0).asString()).isEqualTo("never-seen");
		assertThat(answer.has("userId")).isFalse();
		JsonNode unknown = post("/v1/recommendations", "{\"items\":[\"x\",\"y\"],\"k\":3}");
		assertThat(reasons(unknown)).containsExactly("popular");
		assertThat(unknown.get("unknownItems")).hasSize(2);
	}

	@Test
	void unknownUsersGetPopularItems() {
		String live = live();
		JsonNode nobody = get("/v1/users/nobody/recommendations?k=5");
		assertThat(reasons(nobody)).containsExactly("popular");
		assertThat(nobody.get("version").asString()).isEqualTo(live);
		// the most popular items of the training data, most popular first
		List<Double> scores = new ArrayList<>();
		nobody.get("items").forEach((item) -> scores.add(item.get("score").asDouble()));
		assertThat(scores).hasSize(5).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		JsonNode stranger = get("/v1/users/stranger/recommendations?k=5&exclude=" + itemIds(nobody).get(0));
		assertThat(reasons(stranger)).containsExactly("popular");
		assertThat(itemIds(stranger)).doesNotContain(itemIds(nobody).get(0)).containsAll(itemIds(nobody).subList(1, 5));
	}

	@Test
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
		// each parameter of the user endpoint: where it goes, its type, its description
		Map<String, String> parameters = new TreeMap<>();
		for (JsonNode parameter : JSON.readTree(docs)
			.at("/paths/~1v1~1users~1{userId}~1recommendations/get/parameters")) {
			parameters.put(parameter.path("name").asString(),
					parameter.path("in").asString() + " " + parameter.at("/schema/type").asString() + " "
							+ parameter.path("required").asBoolean() + " " + parameter.path("description").asString()
							+ " " + parameter.path("example").asString());
		}
		assertThat(parameters).containsExactly(
				Map.entry("exclude", "query array false Items to leave out, comma-separated "),
				Map.entry("excludeSeen", "query boolean false Leave the user's recent items out "),
				Map.entry("k", "query integer false How many items (default 10) "),
				Map.entry("userId", "path string true The user user-42"));
		assertThat(http(null).get()
			.uri("/swagger-ui/index.html")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()
			.value()).isEqualTo(200);
		String live = live();
		// an answered request, so that its timer exists
		get("/v1/users/user-1/recommendations");
		String metrics = http(null).get().uri("/actuator/prometheus").retrieve().body(String.class);
		assertThat(metrics).contains("seqrec_ranker_model_info{", "version=\"" + live + "\"",
				"seqrec_ranker_model_age_seconds", "seqrec_ranker_fallbacks_total{",
				"http_server_requests_seconds_bucket{", "uri=\"/v1/users/{userId}/recommendations\"");
	}

	@Test
	void servingDoesNotGrowNativeMemory() {
		LiveModel model = this.holder.peek();
		get("/v1/users/user-1/recommendations");
		int before = model.manager().getManagedArrays().size();
		for (int i = 0; i < 200; i++) {
			get("/v1/users/user-" + (i % USERS) + "/recommendations");
		}
		post("/v1/recommendations/batch", "{\"requests\":[{\"userId\":\"user-1\"},{\"userId\":\"user-2\"}]}");
		assertThat(model.manager().getManagedArrays()).hasSize(before);
	}

	@Test
	void aModelUpdateSwapsTheModelUnderAConcurrentClientWithoutAnError() throws Exception {
		LiveModel old = this.holder.peek();
		String before = old.version();
		String fresh = ModelFixtures.nextVersion();
		AtomicBoolean stop = new AtomicBoolean();
		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		List<String> versions = new CopyOnWriteArrayList<>();
		Thread client = new Thread(() -> {
			RestClient http = http("it-key");
			int i = 0;
			while (!stop.get()) {
				ResponseEntity<String> response = http.get()
					.uri("/v1/users/user-" + (i++ % USERS) + "/recommendations?k=3")
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
			announce(model().publish(store, "sasrec", fresh));
			await().atMost(Duration.ofSeconds(60))
				.until(() -> !versions.isEmpty() && versions.get(versions.size() - 1).equals(fresh));
			int swappedAt = versions.size();
			await().atMost(Duration.ofSeconds(10)).until(() -> versions.size() > swappedAt + 5);
		}
		finally {
			stop.set(true);
			client.join(10_000);
		}
		assertThat(failures).isEmpty();
		assertThat(versions).contains(before, fresh);
		// once the new version answered, the old one never answers again
		assertThat(versions.subList(versions.indexOf(fresh), versions.size())).containsOnly(fresh);
		await().atMost(Duration.ofSeconds(10)).until(old::isClosed);
		assertThat(get("/v1/users/user-4/recommendations").get("version").asString()).isEqualTo(fresh);
	}

	@Test
	void aCorruptVersionIsRefusedAndTheLiveOneKeepsServing() {
		String live = live();
		double refused = refusedLoads();
		announce(model().publishCorrupted(store, "sasrec", ModelFixtures.nextVersion()));
		await().atMost(Duration.ofSeconds(60)).until(() -> refusedLoads() == refused + 1);
		JsonNode answer = get("/v1/users/user-5/recommendations");
		assertThat(answer.get("version").asString()).isEqualTo(live);
		assertThat(itemIds(answer).get(0)).isEqualTo(expectedNext(5));
		assertThat(live()).isEqualTo(live);
	}

}
