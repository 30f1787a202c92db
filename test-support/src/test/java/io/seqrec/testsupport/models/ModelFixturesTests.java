package io.seqrec.testsupport.models;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.data.PlantedSequences;
import io.seqrec.data.SequenceBatches;
import io.seqrec.data.Vocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The artifacts: a planted SASRec ranks the planted next item first, an untrained one has
 * the asked catalogue, both are made once per JVM, and copies publish as live versions,
 * corrupted on request.
 */
class ModelFixturesTests {

	@TempDir
	Path dir;

	@Test
	void aPlantedSasRecRanksThePlantedNextItemFirst() {
		ModelFixture fixture = ModelFixtures.planted("sasrec");
		assertThat(fixture).isSameAs(ModelFixtures.planted("SASRec"));
		assertThat(fixture.model()).isEqualTo("SASRec");
		assertThat(fixture.items()).isEqualTo(ModelFixtures.PLANTED_ITEMS);
		assertThat(fixture.metrics()).containsKey("test.ndcg@10");
		PlantedSequences pattern = fixture.pattern();
		try (ModelArtifact artifact = ModelArtifact.load(fixture.artifact(), Device.cpu())) {
			Vocabulary items = artifact.items();
			assertThat(items.size()).isEqualTo(pattern.items() + 1);
			List<int[]> walks = new ArrayList<>();
			for (int start = 0; start < pattern.items(); start += 5) {
				walks.add(Arrays.stream(pattern.walk(start, 6))
					.map((item) -> items.idOf(PlantedSequences.itemId(item)))
					.toArray());
			}
			try (NDManager manager = artifact.djlModel().getNDManager().newSubManager()) {
				NDArray scores = artifact.model()
					.fullSortPredict(new ParameterStore(manager, false),
							SequenceBatches.recent(walks, fixture.maxLength()).toNDList(manager));
				long[] top = scores.get(":, 1:").argMax(1).toLongArray();
				for (int w = 0; w < walks.size(); w++) {
					int start = w * 5;
					assertThat(items.token((int) top[w] + 1)).as("walk from %d", start)
						.isEqualTo(PlantedSequences.itemId(pattern.after(start, 6)));
				}
			}
		}
	}

	@Test
	void copiesArePublishedAsLiveVersionsAndCorruptedOnRequest() {
		ModelFixture fixture = ModelFixtures.untrained("SASRec", 12, 5);
		assertThat(fixture).isSameAs(ModelFixtures.untrained("SASRec", 12, 5));
		FileSystemModelStore store = new FileSystemModelStore(this.dir);
		String first = ModelFixtures.nextVersion();
		String second = ModelFixtures.nextVersion();
		assertThat(first).isNotEqualTo(second);
		ModelVersion one = fixture.publish(store, "sasrec", first);
		ModelVersion two = fixture.publish(store, "sasrec", second);
		assertThat(store.registry("sasrec").live()).isEqualTo(second);
		assertThat(two.checksum())
			.isEqualTo(Manifest.FileEntry.of(store.resolve(two.location()).resolve(Manifest.FILE_NAME)).sha256());
		try (ModelArtifact loaded = ModelArtifact.load(store.resolve(one.location()), Device.cpu())) {
			assertThat(loaded.items().size()).isEqualTo(13);
			assertThat(loaded.popularity()[12]).isEqualTo(12);
			assertThat(loaded.model().maxSeqLength()).isEqualTo(5);
		}
		ModelVersion broken = fixture.publishCorrupted(store, "sasrec", ModelFixtures.nextVersion());
		assertThat(store.registry("sasrec").live()).isEqualTo(broken.version());
		assertThatExceptionOfType(ArtifactException.class)
			.isThrownBy(() -> ModelArtifact.load(store.resolve(broken.location()), Device.cpu()).close());
	}

}
