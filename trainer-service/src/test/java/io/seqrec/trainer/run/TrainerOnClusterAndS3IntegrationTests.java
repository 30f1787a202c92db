package io.seqrec.trainer.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import ai.djl.Device;
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
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.s3.S3ModelStore;
import io.seqrec.contract.RedisKeys;
import io.seqrec.contract.Topics;
import io.seqrec.testsupport.redis.EmbeddedRedisCluster;
import io.seqrec.testsupport.s3.S3MockServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The trainer as deployed: sequences on a Redis Cluster (three masters with replicas),
 * the model store on an S3-compatible server. One shard's master fails over before the
 * run; the snapshot still reads every user from every shard, and the version lands in the
 * bucket, announced and live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}", "seqrec.trainer.min-users=20",
				"seqrec.trainer.config.epochs=3", "seqrec.trainer.config.hidden_size=16",
				"seqrec.trainer.config.inner_size=32", "seqrec.trainer.config.n_layers=1",
				"seqrec.trainer.config.MAX_ITEM_LIST_LENGTH=10", "seqrec.trainer.config.train_batch_size=200",
				"seqrec.trainer.config.learning_rate=0.01", "seqrec.trainer.config.train_mode=all_positions",
				"spring.data.redis.lettuce.cluster.refresh.adaptive=true",
				"spring.data.redis.lettuce.cluster.refresh.period=1s", "seqrec.model-store.type=s3",
				"seqrec.model-store.s3.bucket=models", "seqrec.model-store.s3.prefix=prod/seqrec",
				"seqrec.model-store.s3.path-style=true",
				"seqrec.trainer.api-keys=" + TrainerOnClusterAndS3IntegrationTests.ADMIN_KEY })
@EmbeddedKafka(topics = Topics.MODEL_UPDATES)
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class TrainerOnClusterAndS3IntegrationTests {

	static final String ADMIN_KEY = "cluster-admin-key";

	private static final EmbeddedRedisCluster CLUSTER = EmbeddedRedisCluster.start(3, 1);

	private static final S3MockServer S3 = S3MockServer.start("models");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static {
		// the store takes credentials from the SDK's default chain, as in a pod
		System.setProperty("aws.accessKeyId", "test");
		System.setProperty("aws.secretAccessKey", "test");
	}

	@LocalServerPort
	private int port;

	@Autowired
	private LettuceConnectionFactory redis;

	@Autowired
	private ModelStore store;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) throws Exception {
		Path cache = Files.createTempDirectory("seqrec-trainer-cache");
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

	private static void writePlantedSequences(int users) {
		RedisClusterClient client = CLUSTER.client();
		try (StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisAdvancedClusterCommands<String, String> redis = connection.sync();
			SplittableRandom random = new SplittableRandom(users);
			for (int u = 0; u < users; u++) {
				int item = random.nextInt(30);
				for (int t = 0; t < 12; t++) {
					redis.zadd(RedisKeys.sequence("user-" + u), 1_000_000 + t * 1000,
							RedisKeys.member("u" + u + "-" + t, "item-" + item));
					item = (item * 7 + 3) % 30;
				}
			}
			redis.set(RedisKeys.EVENT_COUNTER, Integer.toString(users * 12));
		}
		finally {
			client.shutdown();
		}
	}

	private JsonNode get(RestClient http, String path) {
		return JSON.readTree(http.get().uri(path).retrieve().body(String.class));
	}

	@Test
	void aRunSnapshotsEveryShardAfterAFailoverAndPublishesToTheBucket() {
		writePlantedSequences(80);
		assertThat(java.util.stream.IntStream.range(0, 80)
			.mapToObj((u) -> CLUSTER.masterOf(RedisKeys.sequence("user-" + u)))
			.distinct()).hasSize(3);
		int stopped = CLUSTER.failOver(RedisKeys.sequence("user-0"));
		RestClient http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultHeader("X-API-Key", ADMIN_KEY)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
		String id = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
			JsonNode run = JSON.readTree(http.post().uri("/v1/training-runs").retrieve().body(String.class));
			return run.get("id").asString();
		}, (runId) -> runId != null);
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !List.of("SNAPSHOT", "PREPARING", "TRAINING", "PUBLISHING")
				.contains(get(http, "/v1/training-runs/" + id).get("status").asString()));
		JsonNode run = get(http, "/v1/training-runs/" + id);
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("SUCCEEDED");
		assertThat(run.get("data").get("users").asInt()).isEqualTo(80);
		assertThat(run.get("data").get("interactions").asInt()).isEqualTo(80 * 12);
		String version = run.get("version").asString();
		assertThat(get(http, "/v1/models/sasrec").get("live").asString()).isEqualTo(version);

		assertThat(this.store).isInstanceOf(S3ModelStore.class);
		try (S3Client s3 = S3.client()) {
			List<String> keys = s3.listObjectsV2Paginator((request) -> request.bucket("models").prefix("prod/seqrec/"))
				.contents()
				.stream()
				.map(S3Object::key)
				.toList();
			assertThat(keys).contains("prod/seqrec/sasrec/registry.json",
					"prod/seqrec/sasrec/" + version + "/manifest.json",
					"prod/seqrec/sasrec/" + version + "/model-0000.params");
		}
		try (ModelArtifact loaded = ModelArtifact.load(this.store.resolve("sasrec/" + version), Device.cpu())) {
			assertThat(loaded.model().modelName()).isEqualTo("SASRec");
		}
		CLUSTER.restart(stopped);
	}

}
