package io.seqrec.data;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole pipeline on the real ml-100k atomic file; skipped when the shared copy is
 * absent.
 */
class MovieLens100kDataTests {

	private static final Path DATA_PATH = Path.of("/work/shared/datasets");

	private static final Logger logger = LoggerFactory.getLogger(MovieLens100kDataTests.class);

	@Test
	void readsFiltersAndSplitsLikeRecBole() {
		Path file = AtomicFileReader.interFile(DATA_PATH, "ml-100k");
		assumeTrue(Files.isRegularFile(file), () -> file + " is not available");
		long start = System.nanoTime();
		InteractionTable table = new AtomicFileReader().read(DATA_PATH, "ml-100k", AtomicReadOptions.defaults());
		long read = System.nanoTime();
		SequentialDataset dataset = SequentialDatasetBuilder
			.build(InteractionFilters.apply(table, FilterOptions.none()), 50);
		AllPositionsWindows windows = AllPositionsWindows.build(dataset);
		long end = System.nanoTime();
		logger.info("ml-100k: read in {} ms, filtered, built and windowed in {} ms", (read - start) / 1_000_000,
				(end - read) / 1_000_000);

		assertThat(table.size()).isEqualTo(100_000);
		assertThat(table.numericColumns()).containsExactly("rating", "timestamp");
		assertThat(table.userToken(0)).isEqualTo("196");
		assertThat(table.itemToken(0)).isEqualTo("242");
		assertThat(table.timestamp(0)).isEqualTo(881250949.0);
		assertThat(dataset.users().size()).isEqualTo(944);
		assertThat(dataset.users().token(1)).isEqualTo("196");
		assertThat(dataset.numItems()).isEqualTo(1683);
		assertThat(dataset.items().token(1)).isEqualTo("242");
		assertThat(dataset.valid().size()).isEqualTo(943);
		assertThat(dataset.test().size()).isEqualTo(943);
		assertThat(dataset.train().size()).isEqualTo(100_000 - 943 - 2 * 943);
		assertThat(windows.targetCount()).isEqualTo(dataset.train().size());
		int trainTargets = 0;
		for (int user = 1; user < dataset.users().size(); user++) {
			trainTargets += dataset.trainTargets(user);
		}
		assertThat(trainTargets).isEqualTo(97_171);
	}

}
