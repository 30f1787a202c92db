package io.seqrec.ranker.recommend;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.seqrec.contract.SequenceStore;
import io.seqrec.ranker.RankerProperties;

/**
 * The ingest service's popularity counters, read from Redis at most once per refresh
 * interval: the fallback before a first model is loaded.
 */
@Component
class RedisPopularItems {

	/** Popular items read beyond {@code max-k}, so that exclusions still leave enough. */
	private static final int MARGIN = 1000;

	private final SequenceStore sequences;

	private final RankerProperties properties;

	private volatile @Nullable Snapshot snapshot;

	RedisPopularItems(SequenceStore sequences, RankerProperties properties) {
		this.sequences = sequences;
		this.properties = properties;
	}

	Map<String, Long> items() {
		Snapshot current = this.snapshot;
		long now = System.nanoTime();
		if (current == null || now - current.readAt() > this.properties.fallback().refresh().toNanos()) {
			current = new Snapshot(this.sequences.popularItems(this.properties.maxK() + MARGIN), now);
			this.snapshot = current;
		}
		return current.items();
	}

	private record Snapshot(Map<String, Long> items, long readAt) {
	}

}
