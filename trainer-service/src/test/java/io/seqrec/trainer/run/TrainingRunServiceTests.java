package io.seqrec.trainer.run;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.contract.SequenceStore;
import io.seqrec.contract.UserSequence;
import io.seqrec.data.InteractionTable;
import io.seqrec.data.PlantedSequences;
import io.seqrec.trainer.TrainerProperties;
import io.seqrec.trainer.registry.RecordingRegistries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A training run of a model other than SASRec ({@code seqrec.trainer.model=SINE}) goes
 * the whole way without a broker or Redis: snapshot of an in-memory sequence store,
 * training in the only mode the model supports (fast training does not apply to it),
 * publication of an artifact that loads back as the model, and the announcement of the
 * live version.
 */
class TrainingRunServiceTests {

	@TempDir
	Path store;

	@Test
	void aSineRunTrainsPublishesAndAnnouncesASineArtifact() {
		Map<String, String> config = new LinkedHashMap<>();
		config.put("epochs", "2");
		config.put("embedding_size", "16");
		config.put("prototype_size", "10");
		config.put("MAX_ITEM_LIST_LENGTH", "10");
		config.put("train_batch_size", "256");
		TrainerProperties properties = new TrainerProperties("SINE", "sine", config, true, this.store,
				new TrainerProperties.Schedule(null, null, 0, Duration.ofSeconds(30)),
				new TrainerProperties.Gate("ndcg@10", 0.0), 10);
		assertThat(properties.configRequest().commandLine()).doesNotContainKey("train_mode");
		FileSystemModelStore models = new FileSystemModelStore(this.store);
		List<ModelUpdate> announced = new CopyOnWriteArrayList<>();
		Clock clock = Clock.systemUTC();
		TrainingRunService service = new TrainingRunService(properties,
				new ListSequenceStore(PlantedSequences.alternatingClusters(10, 5, 60, 12, 3)),
				RecordingRegistries.create(models, properties, clock, announced),
				new TrainerMetrics(new SimpleMeterRegistry(), models, properties, clock), clock);
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
		}
	}

	/** Users' sequences from interactions, for the snapshot a run starts with. */
	private static final class ListSequenceStore implements SequenceStore {

		private final Map<String, List<SequenceEntry>> sequences = new LinkedHashMap<>();

		ListSequenceStore(InteractionTable table) {
			for (int row = 0; row < table.size(); row++) {
				this.sequences.computeIfAbsent(table.userToken(row), (user) -> new ArrayList<>())
					.add(new SequenceEntry("e" + row, table.itemToken(row), (long) table.timestamp(row)));
			}
		}

		@Override
		public List<SequenceEntry> read(String userId, int limit) {
			return this.sequences.getOrDefault(userId, List.of());
		}

		@Override
		public List<List<String>> recentItems(List<String> userIds, int limit) {
			return userIds.stream()
				.map((user) -> read(user, limit).stream().map(SequenceEntry::itemId).toList())
				.toList();
		}

		@Override
		public long snapshot(Consumer<UserSequence> consumer) {
			this.sequences.forEach((user, entries) -> consumer.accept(new UserSequence(user, entries)));
			return this.sequences.size();
		}

		@Override
		public Map<String, Long> popularItems(int limit) {
			return Map.of();
		}

		@Override
		public long ingestedEvents() {
			return this.sequences.values().stream().mapToLong(List::size).sum();
		}

	}

}
