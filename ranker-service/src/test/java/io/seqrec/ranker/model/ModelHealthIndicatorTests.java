package io.seqrec.ranker.model;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.health.contributor.Status;

import io.seqrec.ranker.RankerProperties;

import static org.assertj.core.api.Assertions.assertThat;

class ModelHealthIndicatorTests {

	private static RankerProperties properties(boolean fallback) {
		return new RankerProperties(Path.of("models"), "sasrec", 10, 100, List.of(), null, Duration.ofSeconds(1),
				DataSize.ofMegabytes(1),
				new RankerProperties.Scoring(RankerProperties.ScoringMode.BATCH, 1, 8, Duration.ZERO, 0),
				new RankerProperties.Fallback(fallback, Duration.ofSeconds(1)));
	}

	@Test
	void downWithoutAModelUnlessTheFallbackIsConfigured() {
		ModelHolder holder = new ModelHolder();
		assertThat(new ModelHealthIndicator(holder, properties(false)).health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(new ModelHealthIndicator(holder, properties(true)).health().getStatus()).isEqualTo(Status.UP);
	}

}
