package io.seqrec.ranker;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.s3.S3ModelStore;
import io.seqrec.artifact.s3.S3ModelStoreSettings;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.data.PlantedSequences;
import io.seqrec.testsupport.models.ModelFixture;
import io.seqrec.testsupport.models.ModelFixtures;
import io.seqrec.testsupport.redis.EmbeddedRedisCluster;
import io.seqrec.testsupport.s3.S3MockServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ranker as deployed: the live model read from an S3-compatible bucket at start, the
 * users' sequences on a Redis Cluster. Reads keep being answered, the same way, after the
 * master of a user's shard fails over to its replica.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"seqrec.ranker.api-keys=it-key", "spring.data.redis.lettuce.cluster.refresh.adaptive=true",
				"spring.data.redis.lettuce.cluster.refresh.period=1s", "seqrec.model-store.type=s3",
				"seqrec.model-store.s3.bucket=models", "seqrec.model-store.s3.prefix=seqrec" })
@EmbeddedKafka(topics = Topics.MODEL_UPDATES)
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class RankerOnClusterAndS3IntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int LENGTH = 8;

	private static final EmbeddedRedisCluster CLUSTER = EmbeddedRedisCluster.start(3, 1);

	private static final S3MockServer S3 = S3MockServer.start("models");

	static {
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
		publishFromTheTrainerSide();
		writeSequences();
	}

	@LocalServerPort
	private int port;

	@Autowired
	private LettuceConnectionFactory redis;

	/** What the trainer does: the planted model published and made live in the bucket. */
	private static void publishFromTheTrainerSide() {
		try (S3Client client = S3.client()) {
			Path cache = Files.createTempDirectory("seqrec-trainer-cache");
			S3ModelStore trainer = new S3ModelStore(client, new S3ModelStoreSettings(URI.create(S3.endpoint()),
					"us-east-1", "models", "seqrec", true, cache, 3, true));
			model().publish(trainer, "sasrec", "v1");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void writeSequences() {
		RedisClusterClient client = CLUSTER.client();
		try (StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisAdvancedClusterCommands<String, String> redis = connection.sync();
			for (int u = 0; u < 12; u++) {
				List<String> items = history(u);
				for (int t = 0; t < items.size(); t++) {
					redis.zadd(RedisKeys.sequence("user-" + u), 1_700_000_000_000L + t * 1000L,
							RedisKeys.member("e-" + u + "-" + t, items.get(t)));
				}
			}
		}
		finally {
			client.shutdown();
		}
	}

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path cache = Files.createTempDirectory("seqrec-ranker-cache");
		registry.add("spring.data.redis.cluster.nodes", CLUSTER::nodes);
		registry.add("seqrec.model-store.s3.endpoint", S3::endpoint);
		registry.add("seqrec.model-store.s3.cache-directory", cache::toString);
	}

	/**
	 * Stops the context's Redis client before the cluster: refreshing the topology every
	 * second, it would otherwise wait on the stopped nodes when the context closes.
	 */
	@AfterAll
	void stop() {
		CLUSTER.closeAfter(this.redis::stop);
		S3.close();
	}

	private JsonNode recommendations(String user) {
		ResponseEntity<String> response = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-API-Key", "it-key")
			.defaultStatusHandler(HttpStatusCode::isError, (request, response2) -> {
			})
			.build()
			.get()
			.uri("/v1/users/" + user + "/recommendations?k=3")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
		return JSON.readTree(response.getBody());
	}

	private static ModelFixture model() {
		return ModelFixtures.planted("SASRec");
	}

	private static List<String> history(int user) {
		return Arrays.stream(model().pattern().walk(user, LENGTH)).mapToObj(PlantedSequences::itemId).toList();
	}

	private static String expectedNext(int user) {
		return PlantedSequences.itemId(model().pattern().after(user, LENGTH));
	}

	@Test
	void theModelFromTheBucketServesSequencesFromEveryShardThroughAFailover() {
		assertThat(java.util.stream.IntStream.range(0, 12)
			.mapToObj((u) -> CLUSTER.masterOf(RedisKeys.sequence("user-" + u)))
			.distinct()).hasSize(3);
		for (int u = 0; u < 12; u++) {
			JsonNode answer = recommendations("user-" + u);
			assertThat(answer.get("version").asString()).isEqualTo("v1");
			assertThat(answer.get("items").get(0).get("itemId").asString()).isEqualTo(expectedNext(u));
			assertThat(answer.get("items").get(0).get("reason").asString()).isEqualTo("model");
		}
		int stopped = CLUSTER.failOver(RedisKeys.sequence("user-0"));
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(recommendations("user-0").get("items").get(0).get("itemId").asString())
				.isEqualTo(expectedNext(0)));
		for (int u = 0; u < 12; u++) {
			assertThat(recommendations("user-" + u).get("items").get(0).get("itemId").asString())
				.isEqualTo(expectedNext(u));
		}
		CLUSTER.restart(stopped);
	}

}
