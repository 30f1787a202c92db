package io.seqrec.ranker;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
import io.seqrec.testsupport.EmbeddedPlatformServers;
import io.seqrec.testsupport.models.ModelFixtures;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;
import io.seqrec.testsupport.redis.RedisContractWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A ranker that starts before any model exists, with the popularity fallback on: it is
 * ready at once and answers with the ingest service's popular items from Redis, then
 * serves the first model announced on the topic. Requests the servlet container refuses
 * are answered with problem documents, and a body announced larger than the limit is
 * refused before it is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "seqrec.ranker.api-keys=it-key", "seqrec.ranker.fallback.without-model=true",
				"seqrec.ranker.fallback.refresh=0s" })
@EmbeddedPlatformServers
class RankerWithoutModelIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path storeDir;

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

	/** The ingest service's popularity counts, and one user's sequence. */
	@BeforeAll
	static void writePopularity(EmbeddedRedisServer redis) {
		try (RedisContractWriter writer = redis.writer()) {
			writer.event("fan", "e1", "hit", RedisContractWriter.FIRST_EVENT_MILLIS);
			writer.popularity("hit", 50).popularity("item-3", 30).popularity("niche", 10);
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("seqrec.ranker.store", () -> storeDir.toString());
	}

	private RestClient http() {
		return RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-API-Key", "it-key")
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	private JsonNode recommendations(String user) {
		ResponseEntity<String> response = http().get()
			.uri("/v1/users/" + user + "/recommendations?k=2")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return JSON.readTree(response.getBody());
	}

	@Test
	void popularItemsFromRedisUntilTheFirstModelIsAnnounced() throws Exception {
		assertThat(http().get().uri("/actuator/health/readiness").retrieve().body(String.class))
			.contains("\"status\":\"UP\"");
		JsonNode fan = recommendations("fan");
		assertThat(fan.get("items").get(0).get("itemId").asString()).isEqualTo("item-3");
		assertThat(fan.get("items").get(1).get("itemId").asString()).isEqualTo("niche");
		assertThat(fan.get("items").get(0).get("reason").asString()).isEqualTo("popular");
		assertThat(fan.has("version")).isFalse();
		assertThat(fan.get("model").asString()).isEqualTo("sasrec");

		FileSystemModelStore store = new FileSystemModelStore(storeDir);
		ModelVersion first = ModelFixtures.untrained("SASRec", 10, 5)
			.publish(store, "sasrec", ModelFixtures.nextVersion());
		ModelUpdate update = new ModelUpdate("sasrec", first.version(), first.location(), Map.of(), first.checksum(),
				System.currentTimeMillis());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.MODEL_UPDATES, "other-model", "{\"not\":\"an update\"}"))
				.get(30, TimeUnit.SECONDS);
			producer.send(new ProducerRecord<>(Topics.MODEL_UPDATES, "sasrec", "not json at all"))
				.get(30, TimeUnit.SECONDS);
			producer.send(new ProducerRecord<>(Topics.MODEL_UPDATES, "sasrec", JSON.writeValueAsString(update)))
				.get(30, TimeUnit.SECONDS);
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> recommendations("fan").has("version"));
		JsonNode scored = recommendations("fan");
		assertThat(scored.get("version").asString()).isEqualTo(first.version());
		// "hit" is unknown to the model: popular items of the artifact
		assertThat(scored.get("items").get(0).get("reason").asString()).isEqualTo("popular");
		JsonNode known = recommendations("nobody-yet");
		assertThat(known.get("version").asString()).isEqualTo(first.version());
	}

	@Test
	void whatTheContainerRefusesIsAProblemDocumentToo() throws IOException {
		for (String path : List.of("/v1/users/%00%ff/recommendations", "/v1/models/..%2F..%2Fetc",
				"/v1/users/%zz/recommendations", "/v1/users/fan/recommendations?k=%zz",
				"/actuator/health/..;/..;/v1/users/fan/recommendations")) {
			String response = RawHttp.exchange(this.port, "GET " + path + " HTTP/1.1\r\nX-API-Key: it-key");
			assertThat(response).as(path).startsWith("HTTP/1.1 400");
			assertThat(response).as(path).containsIgnoringCase("Content-Type: application/problem+json");
			assertThat(response).as(path).contains("\"status\":400").doesNotContain("<html");
		}
	}

	@Test
	void connectIsAMethodNotAllowedNotAServerError() throws IOException {
		String response = RawHttp.exchange(this.port, "CONNECT /v1/recommendations HTTP/1.1\r\nX-API-Key: it-key");
		assertThat(response).startsWith("HTTP/1.1 405");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).containsIgnoringCase("Allow: ");
	}

	@Test
	void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
		String response = RawHttp.exchange(this.port, "POST /v1/recommendations HTTP/1.1\r\nX-API-Key: it-key"
				+ "\r\nContent-Type: application/json\r\nContent-Length: 31457280");
		assertThat(response).startsWith("HTTP/1.1 413");
		assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(response).contains("\"status\":413");
	}

}
