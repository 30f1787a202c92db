package io.seqrec.trainer.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.djl.Device;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.data.PlantedSequences;
import io.seqrec.trainer.TrainerProperties;
import io.seqrec.testsupport.redis.EmbeddedRedis;
import io.seqrec.testsupport.redis.EmbeddedRedisServer;
import io.seqrec.testsupport.redis.RedisContractWriter;
import io.seqrec.trainer.registry.RecordingRegistries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A training run of a model other than SASRec ({@code seqrec.trainer.model=SINE}) goes
 * the whole way without a broker: snapshot of the sequences in (embedded) Redis, training
 * in the only mode the model supports (fast training does not apply to it), publication
 * of an artifact that loads back as the model, and the announcement of the live version.
 * Shutting the service down cancels a run and waits for it.
 */
@EmbeddedRedis
class TrainingRunServiceIntegrationTests {

	@TempDir
	Path store;

	@Test
	void aSineRunTrainsPublishesAndAnnouncesASineArtifact(EmbeddedRedisServer redis) {
		try (RedisContractWriter writer = redis.writer()) {
			writer.interactions(PlantedSequences.alternatingClusters(10, 5, 60, 12, 3));
		}
		TrainerProperties properties = sine(2);
		assertThat(properties.configRequest().commandLine()).doesNotContainKey("train_mode");
		FileSystemModelStore models = new FileSystemModelStore(this.store);
		List<ModelUpdate> announced = new CopyOnWriteArrayList<>();
		StatefulRedisConnection<String, String> connection = redis.connect();
		TrainingRunService service = service(properties, connection, models, announced);
		try {
			TrainingRun run = service.start("test");
			await().atMost(Duration.ofMinutes(2)).until(() -> run.status().isFinal());
			RunView view = run.view();
			assertThat(view.status()).as(String.valueOf(view.error())).isEqualTo(RunStatus.SUCCEEDED);
			assertThat(view.epochs()).hasSize(2);
			ModelVersion live = models.live("sine").orElseThrow();
			assertThat(live.version()).isEqualTo(view.version());
			assertThat(announced).extracting(ModelUpdate::version).containsExactly(view.version());
			try (ModelArtifact artifact = ModelArtifact.load(models.resolve(live.location()), Device.cpu())) {
				assertThat(artifact.modelName()).isEqualTo("SINE");
				assertThat(artifact.knownTrainedSettings()).containsEntry("train_mode", "prefix")
					.containsEntry("embedding_size", 16);
			}
		}
		finally {
			service.destroy();
			connection.close();
		}
	}

	@Test
	void shuttingDownCancelsTheRunAndReturnsOnlyOnceItsThreadHasStopped(EmbeddedRedisServer redis) {
		try (RedisContractWriter writer = redis.writer()) {
			writer.interactions(PlantedSequences.alternatingClusters(10, 5, 60, 12, 3));
		}
		// no early stop: the run trains until it is cancelled
		TrainerProperties properties = sine(100_000);
		FileSystemModelStore models = new FileSystemModelStore(this.store);
		List<ModelUpdate> announced = new CopyOnWriteArrayList<>();
		try (StatefulRedisConnection<String, String> connection = redis.connect()) {
			TrainingRunService service = service(properties, connection, models, announced);
			TrainingRun run = service.start("test");
			await().atMost(Duration.ofMinutes(2)).until(() -> !run.view().epochs().isEmpty());
			service.destroy();
			// the run ended before destroy returned: nothing of it runs while the JVM
			// exits
			assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
			assertThat(announced).isEmpty();
			assertThat(models.live("sine")).isEmpty();
		}
	}

	/** A small SINE run of the given length, without early stopping. */
	private TrainerProperties sine(int epochs) {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("epochs", Integer.toString(epochs));
		config.put("embedding_size", "16");
		config.put("prototype_size", "10");
		config.put("MAX_ITEM_LIST_LENGTH", "10");
		config.put("train_batch_size", "256");
		config.put("stopping_step", Integer.toString(epochs));
		return new TrainerProperties("SINE", "sine", config, true, this.store,
				new TrainerProperties.Schedule(null, null, 0, Duration.ofSeconds(30)),
				new TrainerProperties.Gate("ndcg@10", 0.0), 10, List.of(), null);
	}

	private static TrainingRunService service(TrainerProperties properties,
			StatefulRedisConnection<String, String> connection, FileSystemModelStore models,
			List<ModelUpdate> announced) {
		Clock clock = Clock.systemUTC();
		return new TrainingRunService(properties, new RedisSequenceStore(connection.async(), 100),
				RecordingRegistries.create(models, properties, clock, announced),
				new TrainerMetrics(new SimpleMeterRegistry(), models, properties, clock), clock);
	}

}
