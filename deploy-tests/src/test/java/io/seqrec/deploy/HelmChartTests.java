package io.seqrec.deploy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Helm chart, linted strictly and rendered with the values of each way it is meant to
 * be installed; the tests read the rendered objects.
 */
class HelmChartTests {

	private static final List<String> COMPONENTS = List.of("ingest", "trainer", "ranker");

	@Test
	void theChartPassesStrictLint() {
		LintResult result = new Helm(RenderedChart.CHART).lint().strict().call();
		assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
		assertThat(result.getMessages()).noneMatch((message) -> message.contains("[WARNING]"));
	}

	@Test
	void theDefaultsRenderOneDeploymentServiceAndConfigurationPerComponentAndASharedVolume() {
		RenderedChart chart = RenderedChart.render();
		Map<String, Long> kinds = chart.objects()
			.stream()
			.collect(Collectors.groupingBy((o) -> o.path("kind").asString(), Collectors.counting()));
		assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of("Deployment", 3L, "Service", 3L, "ConfigMap", 3L,
				"PodDisruptionBudget", 2L, "ServiceAccount", 1L, "PersistentVolumeClaim", 1L));
		JsonNode claim = chart.get("PersistentVolumeClaim", "demo-seqrec-models");
		assertThat(RenderedChart.map(claim.at("/spec/accessModes"), JsonNode::asString))
			.containsExactly("ReadWriteMany");
		assertThat(chart.deployment("trainer").at("/spec/replicas").asInt()).isEqualTo(1);
		assertThat(chart.deployment("trainer").at("/spec/strategy/type").asString()).isEqualTo("Recreate");
		assertThat(chart.deployment("ranker").at("/spec/replicas").asInt()).isEqualTo(2);
		assertThat(chart.deployment("ingest").at("/spec/replicas").asInt()).isEqualTo(3);
		// trainer writes the store, rankers only read it
		assertThat(mount(chart.container("trainer"), "models").path("readOnly").asBoolean()).isFalse();
		assertThat(mount(chart.container("ranker"), "models").path("readOnly").asBoolean()).isTrue();
		assertThat(mount(chart.container("ingest"), "models").isMissingNode()).isTrue();
		assertThat(chart.config("trainer").at("/seqrec/trainer/store").asString()).isEqualTo("/models");
		// no key Secret named: nothing mounted, and every /v1 call is refused
		assertThat(mount(chart.container("trainer"), "api-keys").isMissingNode()).isTrue();
		assertThat(chart.config("trainer").at("/seqrec/trainer/api-keys-file").isMissingNode()).isTrue();
		assertThat(chart.config("ranker").at("/seqrec/model-store/type").asString()).isEqualTo("directory");
		assertThat(chart.config("ingest").at("/spring/kafka/bootstrap-servers").asString()).isEqualTo("kafka:9092");
		assertThat(chart.config("ingest").at("/spring/data/redis/url").asString())
			.isEqualTo("redis://redis-master:6379");
		assertThat(chart.config("ingest").at("/seqrec/ingest/max-sequence-length").asInt()).isEqualTo(200);
		assertThat(chart.config("trainer").at("/seqrec/trainer/config/train_mode").asString())
			.isEqualTo("all_positions");
		assertThat(chart.container("trainer").path("resources").at("/limits/nvidia.com~1gpu").isMissingNode()).isTrue();
		assertThat(chart.get("Service", "demo-seqrec-ranker").at("/spec/ports/0/port").asInt()).isEqualTo(80);
	}

	@Test
	void labelsAndSelectorsFollowTheStandardAndSelectOnlyNameInstanceAndComponent() {
		RenderedChart chart = RenderedChart.render("observability", Map.of(), "autoscaling.yaml");
		for (JsonNode object : chart.objects()) {
			JsonNode labels = object.at("/metadata/labels");
			assertThat(labels.path("app.kubernetes.io/name").asString()).as(object.toString()).isEqualTo("seqrec");
			assertThat(labels.path("app.kubernetes.io/instance").asString()).isEqualTo("observability");
			assertThat(labels.path("app.kubernetes.io/managed-by").asString()).isEqualTo("Helm");
			assertThat(labels.path("helm.sh/chart").asString()).isEqualTo("seqrec-0.1.0");
			assertThat(labels.path("app.kubernetes.io/version").asString()).isEqualTo("0.1.0");
		}
		for (String component : COMPONENTS) {
			Map<String, String> selector = Map.of("app.kubernetes.io/name", "seqrec", "app.kubernetes.io/instance",
					"observability", "app.kubernetes.io/component", component);
			String name = "observability-seqrec-" + component;
			JsonNode deployment = chart.get("Deployment", name);
			assertThat(strings(deployment.at("/spec/selector/matchLabels"))).isEqualTo(selector);
			assertThat(strings(deployment.at("/spec/template/metadata/labels"))).containsAllEntriesOf(selector);
			assertThat(strings(chart.get("Service", name).at("/spec/selector"))).isEqualTo(selector);
			assertThat(strings(chart.get("ServiceMonitor", name).at("/spec/selector/matchLabels"))).isEqualTo(selector);
			assertThat(strings(chart.get("NetworkPolicy", name).at("/spec/podSelector/matchLabels")))
				.isEqualTo(selector);
		}
		assertThat(strings(
				chart.get("PodDisruptionBudget", "observability-seqrec-ranker").at("/spec/selector/matchLabels")))
			.containsEntry("app.kubernetes.io/component", "ranker");
	}

	@Test
	void namesStayWithinSixtyThreeCharactersForALongReleaseName() {
		// Helm allows release names of up to 53 characters
		String release = "a-release-name-that-is-as-long-as-helm-allows-seqrec";
		RenderedChart chart = RenderedChart.render(release, Map.of(), "autoscaling.yaml");
		Set<String> names = chart.objects()
			.stream()
			.map((o) -> o.at("/metadata/name").asString())
			.collect(Collectors.toSet());
		assertThat(names).allSatisfy((name) -> assertThat(name).hasSizeLessThanOrEqualTo(63).doesNotEndWith("-"));
		// every component keeps its own name after truncation
		assertThat(names.stream().filter((n) -> n.endsWith("-ranker"))).isNotEmpty();
		assertThat(names.stream().filter((n) -> n.endsWith("-ingest"))).isNotEmpty();
		assertThat(chart.ofKind("Deployment").map((d) -> d.at("/metadata/name").asString()).distinct()).hasSize(3);
	}

	@Test
	void everyPodProbesTheActuatorHealthGroupsAndRunsLockedDown() {
		RenderedChart chart = RenderedChart.render();
		for (String component : COMPONENTS) {
			JsonNode pod = chart.deployment(component).at("/spec/template/spec");
			JsonNode container = chart.container(component);
			assertThat(container.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
			assertThat(container.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.at("/livenessProbe/httpGet/port").asString()).isEqualTo("http");
			assertThat(container.at("/livenessProbe/enabled").isMissingNode()).isTrue();
			JsonNode security = container.path("securityContext");
			assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
			assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
			assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
			assertThat(RenderedChart.map(security.at("/capabilities/drop"), JsonNode::asString)).containsExactly("ALL");
			assertThat(security.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
			assertThat(pod.at("/securityContext/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
			assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
			assertThat(pod.path("automountServiceAccountToken").asBoolean()).isFalse();
			// a read-only root file system needs a writable /tmp
			assertThat(mount(container, "tmp").path("mountPath").asString()).isEqualTo("/tmp");
			assertThat(volume(pod, "tmp").has("emptyDir")).isTrue();
			assertThat(RenderedChart.env(container, "SPRING_CONFIG_ADDITIONAL_LOCATION").path("value").asString())
				.isEqualTo("file:/etc/seqrec/config/");
			assertThat(
					chart.deployment(component).at("/spec/template/metadata/annotations/checksum~1config").asString())
				.hasSize(64);
		}
		RenderedChart disabled = RenderedChart.render("demo", Map.of("ranker.livenessProbe.enabled", false));
		assertThat(disabled.container("ranker").has("livenessProbe")).isFalse();
		assertThat(disabled.container("ranker").has("readinessProbe")).isTrue();
	}

	@Test
	void aConfigurationChangeRollsOnlyThePodsItConcerns() {
		RenderedChart before = RenderedChart.render();
		RenderedChart after = RenderedChart.render("demo", Map.of("ranker.maxK", 50));
		assertThat(after.config("ranker").at("/seqrec/ranker/max-k").asInt()).isEqualTo(50);
		assertThat(checksum(after, "ranker")).isNotEqualTo(checksum(before, "ranker"));
		assertThat(checksum(after, "ingest")).isEqualTo(checksum(before, "ingest"));
		assertThat(checksum(after, "trainer")).isEqualTo(checksum(before, "trainer"));
	}

	@Test
	void theGpuTrainerAsksForAGpuToleratesTheTaintAndRunsTheLibtorchImage() {
		RenderedChart chart = RenderedChart.render("gpu-trainer.yaml");
		JsonNode pod = chart.deployment("trainer").at("/spec/template/spec");
		JsonNode trainer = chart.container("trainer");
		assertThat(trainer.at("/resources/limits/nvidia.com~1gpu").asInt()).isEqualTo(1);
		assertThat(trainer.at("/resources/limits/memory").asString()).isEqualTo("24Gi");
		assertThat(pod.path("tolerations")).anySatisfy((toleration) -> {
			assertThat(toleration.path("key").asString()).isEqualTo("nvidia.com/gpu");
			assertThat(toleration.path("operator").asString()).isEqualTo("Exists");
			assertThat(toleration.path("effect").asString()).isEqualTo("NoSchedule");
		});
		assertThat(pod.path("runtimeClassName").asString()).isEqualTo("nvidia");
		assertThat(pod.at("/nodeSelector/nvidia.com~1gpu.present").asString()).isEqualTo("true");
		assertThat(trainer.path("image").asString()).isEqualTo("docker.io/seqrec/seqrec-trainer-gpu:0.1.0");
		assertThat(RenderedChart.env(trainer, "PYTORCH_LIBRARY_PATH").path("value").asString())
			.isEqualTo("/opt/libtorch/lib");
		assertThat(RenderedChart.env(trainer, "PYTORCH_VERSION").path("value").asString()).isEqualTo("2.7.1");
		for (String cpu : List.of("ingest", "ranker")) {
			assertThat(chart.container(cpu).at("/resources/limits/nvidia.com~1gpu").isMissingNode()).isTrue();
			assertThat(chart.deployment(cpu).at("/spec/template/spec/tolerations").isMissingNode()).isTrue();
			assertThat(RenderedChart.env(chart.container(cpu), "PYTORCH_LIBRARY_PATH").isMissingNode()).isTrue();
		}
	}

	@Test
	void theS3StoreReplacesTheVolumeAndTakesCredentialsFromTheSecret() {
		RenderedChart chart = RenderedChart.render("s3-store.yaml");
		assertThat(chart.ofKind("PersistentVolumeClaim")).isEmpty();
		for (String component : List.of("trainer", "ranker")) {
			JsonNode container = chart.container(component);
			JsonNode accessKey = RenderedChart.env(container, "AWS_ACCESS_KEY_ID");
			assertThat(accessKey.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo("seqrec-s3");
			assertThat(accessKey.at("/valueFrom/secretKeyRef/key").asString()).isEqualTo("access-key-id");
			assertThat(
					RenderedChart.env(container, "AWS_SECRET_ACCESS_KEY").at("/valueFrom/secretKeyRef/key").asString())
				.isEqualTo("secret-access-key");
			assertThat(mount(container, "model-cache").path("mountPath").asString())
				.isEqualTo("/var/cache/seqrec/models");
			assertThat(mount(container, "models").isMissingNode()).isTrue();
			JsonNode store = chart.config(component).at("/seqrec/model-store");
			assertThat(store.path("type").asString()).isEqualTo("s3");
			assertThat(store.at("/s3/endpoint").asString()).isEqualTo("http://minio.storage:9000");
			assertThat(store.at("/s3/bucket").asString()).isEqualTo("seqrec-models");
			assertThat(store.at("/s3/prefix").asString()).isEqualTo("prod/models");
			assertThat(store.at("/s3/path-style").asBoolean()).isTrue();
			assertThat(store.at("/s3/cache-directory").asString()).isEqualTo("/var/cache/seqrec/models");
		}
		assertThat(RenderedChart.env(chart.container("ingest"), "AWS_ACCESS_KEY_ID").isMissingNode()).isTrue();
		// the API keys: the Secret mounted as the file the ranker re-reads
		JsonNode ranker = chart.container("ranker");
		assertThat(mount(ranker, "api-keys").path("mountPath").asString()).isEqualTo("/etc/seqrec/api-keys");
		assertThat(volume(chart.deployment("ranker").at("/spec/template/spec"), "api-keys").at("/secret/secretName")
			.asString()).isEqualTo("seqrec-api-keys");
		assertThat(chart.config("ranker").at("/seqrec/ranker/api-keys-file").asString())
			.isEqualTo("/etc/seqrec/api-keys/api-keys");
		// the trainer's admin keys: their own Secret, mounted the same way
		JsonNode trainer = chart.container("trainer");
		assertThat(mount(trainer, "api-keys").path("mountPath").asString()).isEqualTo("/etc/seqrec/api-keys");
		assertThat(mount(trainer, "api-keys").path("readOnly").asBoolean()).isTrue();
		assertThat(volume(chart.deployment("trainer").at("/spec/template/spec"), "api-keys").at("/secret/secretName")
			.asString()).isEqualTo("seqrec-admin-keys");
		assertThat(chart.config("trainer").at("/seqrec/trainer/api-keys-file").asString())
			.isEqualTo("/etc/seqrec/api-keys/admin-keys");
		assertThat(mount(chart.container("ingest"), "api-keys").isMissingNode()).isTrue();
	}

	@Test
	void aRedisClusterAndSaslKafkaTakeTheirPasswordsFromSecretsOnly() {
		RenderedChart chart = RenderedChart.render("redis-cluster.yaml");
		for (String component : COMPONENTS) {
			JsonNode redis = chart.config(component).at("/spring/data/redis");
			assertThat(RenderedChart.map(redis.at("/cluster/nodes"), JsonNode::asString)).containsExactly(
					"redis-cluster-0.redis-cluster-headless:6379", "redis-cluster-1.redis-cluster-headless:6379",
					"redis-cluster-2.redis-cluster-headless:6379");
			assertThat(redis.at("/lettuce/cluster/refresh/adaptive").asBoolean()).isTrue();
			assertThat(redis.path("url").asString()).contains(":${SEQREC_REDIS_PASSWORD}@");
			JsonNode container = chart.container(component);
			assertThat(
					RenderedChart.env(container, "SEQREC_REDIS_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
				.isEqualTo("redis-credentials");
			assertThat(
					RenderedChart.env(container, "SEQREC_REDIS_PASSWORD").at("/valueFrom/secretKeyRef/key").asString())
				.isEqualTo("password");
			JsonNode kafka = chart.config(component).at("/spring/kafka/properties");
			assertThat(kafka.path("security.protocol").asString()).isEqualTo("SASL_SSL");
			assertThat(kafka.path("sasl.mechanism").asString()).isEqualTo("SCRAM-SHA-512");
			assertThat(kafka.path("sasl.jaas.config").asString())
				.contains("ScramLoginModule required username=\"seqrec\" password=\"${SEQREC_KAFKA_PASSWORD}\"");
			assertThat(kafka.path("ssl.truststore.location").asString()).isEqualTo("/etc/seqrec/kafka-tls/ca.crt");
			assertThat(
					RenderedChart.env(container, "SEQREC_KAFKA_PASSWORD").at("/valueFrom/secretKeyRef/name").asString())
				.isEqualTo("kafka-credentials");
		}
		// no value of any Secret is ever rendered: only references
		assertThat(chart.ofKind("Secret")).isEmpty();
	}

	@Test
	void autoscaledRankersLeaveTheirReplicasToTheHorizontalPodAutoscaler() {
		RenderedChart chart = RenderedChart.render("autoscaling.yaml");
		JsonNode hpa = chart.get("HorizontalPodAutoscaler", "demo-seqrec-ranker");
		assertThat(hpa.at("/spec/scaleTargetRef/kind").asString()).isEqualTo("Deployment");
		assertThat(hpa.at("/spec/scaleTargetRef/name").asString()).isEqualTo("demo-seqrec-ranker");
		assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(3);
		assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(20);
		assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(60);
		assertThat(chart.deployment("ranker").at("/spec").has("replicas")).isFalse();
		assertThat(chart.deployment("ingest").at("/spec/replicas").asInt()).isEqualTo(3);
		JsonNode monitor = chart.get("ServiceMonitor", "demo-seqrec-ranker");
		assertThat(monitor.at("/spec/endpoints/0/path").asString()).isEqualTo("/actuator/prometheus");
		assertThat(monitor.at("/metadata/labels/release").asString()).isEqualTo("prometheus");
		JsonNode policy = chart.get("NetworkPolicy", "demo-seqrec-ranker");
		assertThat(policy.at("/spec/ingress/0/from/1/podSelector/matchLabels/demo-seqrec-client").asString())
			.isEqualTo("true");
	}

	@ParameterizedTest
	@CsvSource({ "bad-type.yaml, replicaCount", "bad-unknown-key.yaml, replicas", "bad-inline-password.yaml, url",
			"bad-store-type.yaml, type", "bad-privileged.yaml, privileged",
			"bad-s3-without-bucket.yaml, modelStore.s3.bucket" })
	void valuesThatBreakTheSchemaAreRefused(String valuesFile, String offendingKey) {
		assertThatThrownBy(() -> RenderedChart.render(valuesFile)).hasMessageContaining(offendingKey);
	}

	private static Map<String, String> strings(JsonNode object) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		object.properties().forEach((entry) -> map.put(entry.getKey(), entry.getValue().asString()));
		return map;
	}

	private static String checksum(RenderedChart chart, String component) {
		return chart.deployment(component).at("/spec/template/metadata/annotations/checksum~1config").asString();
	}

	private static JsonNode mount(JsonNode container, String name) {
		for (JsonNode mount : container.path("volumeMounts")) {
			if (name.equals(mount.path("name").asString())) {
				return mount;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

	private static JsonNode volume(JsonNode pod, String name) {
		for (JsonNode volume : pod.path("volumes")) {
			if (name.equals(volume.path("name").asString())) {
				return volume;
			}
		}
		return tools.jackson.databind.node.MissingNode.getInstance();
	}

}
