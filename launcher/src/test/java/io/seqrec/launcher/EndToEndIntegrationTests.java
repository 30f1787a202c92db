package io.seqrec.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.contract.InteractionEvent;
import io.seqrec.contract.Topics;
import io.seqrec.data.PlantedSequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real flow end to end: events produced to Kafka, ingested into Redis, a training
 * run, a model update, and ranker answers over HTTP that follow the planted pattern; then
 * new events of one user change that user's answer without any retraining, because the
 * ranker reads the sequence live.
 */
class EndToEndIntegrationTests {

	private static final String KEY = "end-to-end-key";

	private static final String ADMIN_KEY = "end-to-end-admin-key";

	private static final PlantedSequences PATTERN = PlantedSequences.cycle(120);

	private static final int USERS = 400;

	private static final int LENGTH = 12;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static Platform platform;

	private static KafkaProducer<String, String> producer;

	@TempDir
	static Path store;

	@BeforeAll
	static void start() {
		platform = Platform.start(
				new Platform.Settings(null, null, 0, KEY, ADMIN_KEY, store, QuickTraining.sasrec(10), 200),
				new PrintWriter(new StringWriter()));
		producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

	@AfterAll
	static void stop() {
		if (producer != null) {
			producer.close();
		}
		if (platform != null) {
			platform.close();
		}
	}

	private static void send(InteractionEvent event) {
		producer.send(new ProducerRecord<>(Topics.INTERACTIONS, event.userId(), JSON.writeValueAsString(event)));
	}

	private static JsonNode call(HttpRequest request) throws Exception {
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
		return JSON.readTree(response.body());
	}

	private static JsonNode recommendations(String user) throws Exception {
		return call(
				HttpRequest.newBuilder(URI.create(platform.rankerUrl() + "/v1/users/" + user + "/recommendations?k=5"))
					.header("X-API-Key", KEY)
					.build());
	}

	private static HttpRequest.Builder trainer(String path) {
		return HttpRequest.newBuilder(URI.create(platform.trainerUrl() + path)).header("X-API-Key", ADMIN_KEY);
	}

	private static String top(JsonNode answer) {
		return answer.get("items").get(0).get("itemId").asString();
	}

	@Test
	void eachServiceReadsItsOwnConfigurationOnTheSharedClasspath() throws Exception {
		// the three services' files would shadow one another if they had the same name
		Map<String, String> expected = Map.of(platform.ingestUrl(), "seqrec-ingest", platform.trainerUrl(),
				"seqrec-trainer", platform.rankerUrl(), "seqrec-ranker");
		for (Map.Entry<String, String> service : expected.entrySet()) {
			HttpResponse<String> metrics = HTTP.send(
					HttpRequest.newBuilder(URI.create(service.getKey() + "/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("application=\"" + service.getValue() + "\"");
		}
	}

	@Test
	void eventsBecomeAModelWhoseAnswersFollowThePatternAndNewEventsChangeThemLive() throws Exception {
		long start = System.currentTimeMillis() - Duration.ofDays(1).toMillis();
		for (int u = 0; u < USERS; u++) {
			SyntheticEvents.walk(PATTERN, PlantedSequences.userId(u), u % PATTERN.items(), LENGTH, start)
				.forEach(EndToEndIntegrationTests::send);
		}
		producer.flush();
		platform.awaitIngested(USERS * LENGTH, Duration.ofMinutes(2), (count) -> {
		});
		JsonNode run = call(trainer("/v1/training-runs").POST(HttpRequest.BodyPublishers.noBody()).build());
		String runPath = "/v1/training-runs/" + run.get("id").asString();
		await().atMost(Duration.ofMinutes(5))
			.until(() -> !List.of("SNAPSHOT", "PREPARING", "TRAINING", "PUBLISHING")
				.contains(call(trainer(runPath).build()).get("status").asString()));
		JsonNode done = call(trainer(runPath).build());
		assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
		assertThat(done.get("data").get("interactions").asInt()).isEqualTo(USERS * LENGTH);
		JsonNode models = call(trainer("/v1/models/sasrec").build());
		String live = models.get("live").asString();
		await().atMost(Duration.ofMinutes(1))
			.until(() -> live.equals(recommendations("user-0").path("version").asString("")));

		// the answers follow the planted pattern
		for (int u = 0; u < 40; u++) {
			JsonNode answer = recommendations("user-" + u);
			assertThat(answer.get("items").get(0).get("reason").asString()).isEqualTo("model");
			assertThat(top(answer)).as("user-%d after a run with test %s", u, done.get("test"))
				.isEqualTo(PlantedSequences.itemId(PATTERN.after(u % PATTERN.items(), LENGTH)));
		}
		JsonNode unknown = recommendations("nobody");
		assertThat(unknown.get("items").get(0).get("reason").asString()).isEqualTo("popular");

		// a new event of one user changes that user's answer, with no retraining
		int runsBefore = call(trainer("/v1/training-runs").build()).size();
		// an item further along user-1's walk: its successor is neither in the history
		// (not excluded as seen) nor the current answer
		int jump = PATTERN.after(1, LENGTH + 5);
		send(InteractionEvent.of("user-1-jump", "user-1", PlantedSequences.itemId(jump), System.currentTimeMillis()));
		producer.flush();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> top(recommendations("user-1")).equals(PlantedSequences.itemId(PATTERN.next(jump))));
		assertThat(recommendations("user-1").get("version").asString()).isEqualTo(live);
		assertThat(call(trainer("/v1/training-runs").build())).hasSize(runsBefore);
		assertThat(top(recommendations("user-2"))).isEqualTo(PlantedSequences.itemId(PATTERN.after(2, LENGTH)));
	}

}
