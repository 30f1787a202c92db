package io.seqrec.ranker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
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
import redis.embedded.RedisServer;

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
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"seqrec.ranker.api-keys=it-key", "seqrec.ranker.fallback.without-model=true",
				"seqrec.ranker.fallback.refresh=0s" })
@EmbeddedKafka(topics = Topics.MODEL_UPDATES)
class RankerWithoutModelIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int REDIS_PORT = freePort();

	private static final RedisServer REDIS = startRedis();

	private static final Path STORE_DIR = tempDir();

	@LocalServerPort
	private int port;

	@Autowired
	private EmbeddedKafkaBroker broker;

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
			RedisClient client = RedisClient.create("redis://127.0.0.1:" + REDIS_PORT);
			try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
				RedisCommands<String, String> redis = connection.sync();
				redis.zadd(RedisKeys.ITEM_POPULARITY, 50, "hit");
				redis.zadd(RedisKeys.ITEM_POPULARITY, 30, "item-3");
				redis.zadd(RedisKeys.ITEM_POPULARITY, 10, "niche");
				redis.zadd(RedisKeys.sequence("fan"), 1_700_000_000_000L, RedisKeys.member("e1", "hit"));
			}
			finally {
				client.shutdown();
			}
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path tempDir() {
		try {
			return Files.createTempDirectory("seqrec-ranker-empty-store");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

		FileSystemModelStore store = new FileSystemModelStore(STORE_DIR);
		ModelVersion v1 = PlantedModels.publishLive(store, "v1", false);
		ModelUpdate update = new ModelUpdate("sasrec", "v1", v1.location(), Map.of(), v1.checksum(),
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
		assertThat(scored.get("version").asString()).isEqualTo("v1");
		// "hit" is unknown to the model: popular items of the artifact
		assertThat(scored.get("items").get(0).get("reason").asString()).isEqualTo("popular");
		JsonNode known = recommendations("nobody-yet");
		assertThat(known.get("version").asString()).isEqualTo("v1");
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
