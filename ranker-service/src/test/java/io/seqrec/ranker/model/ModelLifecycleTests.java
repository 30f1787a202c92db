package io.seqrec.ranker.model;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.contract.ModelUpdate;
import io.seqrec.ranker.RankerProperties;
import io.seqrec.testsupport.models.ModelFixture;
import io.seqrec.testsupport.models.ModelFixtures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which model updates are applied: the registry's live version at start, then only
 * updates newer than what is loaded (replays of the compacted topic are ignored), a
 * rollback is applied, and a corrupt or mis-announced version is refused while the
 * current one keeps serving.
 */
class ModelLifecycleTests {

	private static final ModelFixture ARTIFACT = ModelFixtures.untrained("SASRec", 10, 4);

	@TempDir
	Path dir;

	private FileSystemModelStore store;

	private ModelHolder holder;

	private SimpleMeterRegistry meters;

	private ModelLifecycle lifecycle;

	@BeforeEach
	void start() {
		this.store = new FileSystemModelStore(this.dir.resolve("store"));
		this.holder = new ModelHolder();
		this.meters = new SimpleMeterRegistry();
		RankerProperties properties = new RankerProperties(this.dir.resolve("store"), "sasrec", 10, 100, List.of(),
				null, java.time.Duration.ofSeconds(1), DataSize.ofMegabytes(1),
				new RankerProperties.Scoring(RankerProperties.ScoringMode.BATCH, 1, 8, java.time.Duration.ZERO, 0),
				new RankerProperties.Fallback(false, java.time.Duration.ofSeconds(1)));
		this.lifecycle = new ModelLifecycle(this.holder, new ModelLoader(this.store), this.store,
				new ModelMetrics(this.meters, this.holder, Clock.systemUTC()), properties);
	}

	@AfterEach
	void stop() {
		this.holder.clear();
	}

	private String live() {
		return this.holder.peek().version();
	}

	private ModelUpdate update(String version, long publishedAt) {
		ModelVersion entry = this.store.registry("sasrec").version(version).orElseThrow();
		return new ModelUpdate("sasrec", version, entry.location(), Map.of(), entry.checksum(), publishedAt);
	}

	private void publishChecksummed(String version) {
		ARTIFACT.publish(this.store, "sasrec", version);
	}

	private double refusals() {
		return this.meters.get("seqrec.ranker.model.loads").tag("outcome", "refused").counter().count();
	}

	@Test
	void startsWithoutAModelAndLoadsTheFirstAnnouncedOne() {
		this.lifecycle.start();
		assertThat(this.holder.peek()).isNull();
		publishChecksummed("v1");
		assertThat(this.lifecycle.apply(update("v1", 10))).isTrue();
		assertThat(live()).isEqualTo("v1");
		assertThat(this.meters.get("seqrec.ranker.model.info").tag("version", "v1").gauge().value()).isEqualTo(1);
	}

	@Test
	void appliesOnlyUpdatesNewerThanWhatIsLoaded() {
		publishChecksummed("v1");
		this.lifecycle.start();
		assertThat(live()).isEqualTo("v1");
		LiveModel first = this.holder.peek();
		// the compacted topic replays the announcement of the version already loaded
		assertThat(this.lifecycle.apply(update("v1", 10))).isFalse();
		publishChecksummed("v2");
		assertThat(this.lifecycle.apply(update("v2", 20))).isTrue();
		assertThat(live()).isEqualTo("v2");
		assertThat(first.isClosed()).isTrue();
		// an older announcement, replayed
		assertThat(this.lifecycle.apply(update("v1", 15))).isFalse();
		// another model's update
		assertThat(this.lifecycle.apply(new ModelUpdate("other", "x", "other/x", Map.of(), "", 99))).isFalse();
		// a rollback: the registry's live pointer moves back and is announced later
		this.store.setLive("sasrec", "v1", true);
		assertThat(this.lifecycle.apply(update("v1", 30))).isTrue();
		assertThat(live()).isEqualTo("v1");
		assertThat(refusals()).isZero();
	}

	@Test
	void aStaleAnnouncementOfAVersionNoLongerLiveIsIgnored() {
		publishChecksummed("v1");
		publishChecksummed("v2");
		this.lifecycle.start();
		assertThat(live()).isEqualTo("v2");
		// the topic still holds v1's announcement before v2's
		assertThat(this.lifecycle.apply(update("v1", 10))).isFalse();
		assertThat(this.lifecycle.apply(update("v2", 20))).isFalse();
		assertThat(live()).isEqualTo("v2");
	}

	@Test
	void aCorruptOrMisannouncedVersionIsRefusedAndTheCurrentOneKeepsServing() {
		publishChecksummed("v1");
		this.lifecycle.start();
		ARTIFACT.publishCorrupted(this.store, "sasrec", "v2");
		assertThat(this.lifecycle.apply(update("v2", 20))).isFalse();
		assertThat(live()).isEqualTo("v1");
		assertThat(refusals()).isEqualTo(1);
		// the same announcement again is not retried
		assertThat(this.lifecycle.apply(update("v2", 20))).isFalse();
		publishChecksummed("v3");
		ModelUpdate wrongChecksum = new ModelUpdate("sasrec", "v3", "sasrec/v3", Map.of(), "00ff", 30);
		assertThat(this.lifecycle.apply(wrongChecksum)).isFalse();
		assertThat(live()).isEqualTo("v1");
		assertThat(refusals()).isEqualTo(2);
		assertThat(this.lifecycle.apply(update("v3", 40))).isTrue();
		assertThat(live()).isEqualTo("v3");
	}

}
