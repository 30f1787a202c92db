package io.seqrec.ranker.recommend;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ai.djl.Device;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.contract.SequenceStore;
import io.seqrec.contract.UserSequence;
import io.seqrec.data.PlantedSequences;
import io.seqrec.model.ModelRegistry;
import io.seqrec.ranker.RankerProperties;
import io.seqrec.ranker.model.BatchingScorer;
import io.seqrec.ranker.model.LiveModel;
import io.seqrec.ranker.model.ModelHolder;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.train.TrainingListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ranker's recommendation path (vocabulary, micro-batched scoring, exclusions, top-k)
 * with a BERT4Rec artifact trained on a planted cycle (RecBole's prefix training, which
 * sees every history length the ranker serves): the planted next item comes first, seen
 * items never appear, and the served vocabulary is exactly the model's scored columns
 * (the mask token is not an item).
 */
class BERT4RecRecommendationTests {

	private static final PlantedSequences PATTERN = PlantedSequences.cycle(41);

	private static final int MAX_LENGTH = 10;

	private static final int USERS = 20;

	private static final int SEEN = 8;

	@TempDir
	static Path dir;

	private static ModelHolder holder;

	private static BatchingScorer scorer;

	private static RecommendationService service;

	@BeforeAll
	static void trainAndServe() {
		Config config = ModelRegistry.loadConfig(new ConfigRequest("BERT4Rec", "planted", List.of(), Map.of(),
				Map.ofEntries(Map.entry("MAX_ITEM_LIST_LENGTH", Integer.toString(MAX_LENGTH)),
						Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"), Map.entry("epochs", "40"),
						Map.entry("train_batch_size", "256"), Map.entry("train_mode", "prefix"),
						Map.entry("stopping_step", "100"))));
		Path artifact = dir.resolve("artifact");
		try (Experiment experiment = Experiment.run(config, Datasets.prepare(config, PATTERN.table(150, 14, 0.0, 13)),
				Device.cpu(), TrainingListener.NONE)) {
			experiment.writeArtifact(artifact);
		}
		holder = new ModelHolder();
		holder.swap(new LiveModel("bert4rec", "v1", 0, ModelArtifact.load(artifact, Device.cpu())));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		scorer = new BatchingScorer(1, 16, Duration.ZERO, meters);
		RankerProperties properties = new RankerProperties(dir, "bert4rec", 10, 100, List.of(), null,
				Duration.ofSeconds(1), DataSize.ofMegabytes(1),
				new RankerProperties.Scoring(RankerProperties.ScoringMode.BATCH, 1, 16, Duration.ZERO, 0),
				new RankerProperties.Fallback(false, Duration.ofSeconds(1)));
		SequenceStore sequences = new PlantedStore();
		service = new RecommendationService(holder, scorer, sequences, new RedisPopularItems(sequences, properties),
				new RecommendationMetrics(meters), properties);
	}

	@AfterAll
	static void close() {
		scorer.close();
		holder.clear();
	}

	private static int start(int user) {
		return (user * 5) % PATTERN.items();
	}

	private static List<String> history(int user) {
		List<String> items = new ArrayList<>();
		for (int item : PATTERN.walk(start(user), SEEN)) {
			items.add(PlantedSequences.itemId(item));
		}
		return items;
	}

	private static List<String> itemIds(Recommendation recommendation) {
		return recommendation.items().stream().map(RecommendedItem::itemId).toList();
	}

	@Test
	void thePlantedNextItemComesFirstAndSeenItemsNeverAppear() {
		List<RecommendationQuery> queries = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			queries.add(RecommendationQuery.forUser(PlantedSequences.userId(u), 5, true, List.of()));
		}
		List<Recommendation> answers = service.recommend(queries);
		for (int u = 0; u < USERS; u++) {
			List<String> items = itemIds(answers.get(u));
			assertThat(items).as("user %d", u)
				.hasSize(5)
				.doesNotContainAnyElementsOf(history(u))
				.startsWith(PlantedSequences.itemId(PATTERN.after(start(u), SEEN)));
			assertThat(answers.get(u).items()).allMatch((item) -> item.reason() == Reason.MODEL);
		}
	}

	@Test
	void theServedVocabularyIsTheModelsScoredColumnsWithoutTheMaskToken() {
		LiveModel live = holder.peek();
		assertThat(live.network().modelName()).isEqualTo("BERT4Rec");
		assertThat(live.items().size()).isEqualTo(live.network().numItems()).isEqualTo(PATTERN.items() + 1);
		List<String> session = history(3);
		Recommendation all = service.recommend(RecommendationQuery.forSession(session, 100, true, List.of()));
		assertThat(itemIds(all)).hasSize(PATTERN.items() - SEEN)
			.doesNotContainAnyElementsOf(session)
			.doesNotContain("[PAD]")
			.allMatch((id) -> PlantedSequences.itemIndex(id) < PATTERN.items())
			.first()
			.isEqualTo(PlantedSequences.itemId(PATTERN.after(start(3), SEEN)));
	}

	/** Users {@code user-0..19} with their planted histories, in memory. */
	private static final class PlantedStore implements SequenceStore {

		private final Map<String, List<String>> histories = new HashMap<>();

		PlantedStore() {
			for (int u = 0; u < USERS; u++) {
				this.histories.put(PlantedSequences.userId(u), history(u));
			}
		}

		@Override
		public List<SequenceEntry> read(String userId, int limit) {
			throw new UnsupportedOperationException("not read by recommendations");
		}

		@Override
		public List<List<String>> recentItems(List<String> userIds, int limit) {
			List<List<String>> recent = new ArrayList<>();
			for (String user : userIds) {
				List<String> items = this.histories.getOrDefault(user, List.of());
				recent.add(items.subList(Math.max(0, items.size() - limit), items.size()));
			}
			return recent;
		}

		@Override
		public long snapshot(Consumer<UserSequence> consumer) {
			throw new UnsupportedOperationException("not read by recommendations");
		}

		@Override
		public Map<String, Long> popularItems(int limit) {
			return Map.of();
		}

		@Override
		public long ingestedEvents() {
			return 0;
		}

	}

}
