package io.seqrec.ingest.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import io.seqrec.ingest.store.WriteResult;

/**
 * The ingest service's meters: records consumed, events written, duplicates dropped,
 * records dead-lettered, and the latency of a batch (validation and Redis write).
 * Consumer lag comes from the Kafka client metrics
 * ({@code kafka_consumer_fetch_manager_records_lag_max}).
 */
@Component
public class IngestMetrics {

	private final Counter consumed;

	private final Counter written;

	private final Counter duplicates;

	private final Counter deadLettered;

	private final Counter writeFailures;

	private final Timer batch;

	IngestMetrics(MeterRegistry registry) {
		this.consumed = Counter.builder("seqrec.ingest.records.consumed")
			.description("Records received from the interaction topic")
			.register(registry);
		this.written = Counter.builder("seqrec.ingest.events.written")
			.description("Events added to user sequences")
			.register(registry);
		this.duplicates = Counter.builder("seqrec.ingest.events.duplicates")
			.description("Events dropped because their id was already ingested")
			.register(registry);
		this.deadLettered = Counter.builder("seqrec.ingest.records.dead.lettered")
			.description("Records sent to the dead-letter topic")
			.register(registry);
		this.writeFailures = Counter.builder("seqrec.ingest.write.failures")
			.description("Batches whose Redis write failed and is being retried")
			.register(registry);
		this.batch = Timer.builder("seqrec.ingest.batch")
			.description("Time to validate and write one batch")
			.publishPercentileHistogram()
			.register(registry);
	}

	void consumed(int records) {
		this.consumed.increment(records);
	}

	void written(WriteResult result) {
		this.written.increment(result.written());
		this.duplicates.increment(result.duplicates());
	}

	void writeFailed() {
		this.writeFailures.increment();
	}

	/**
	 * Batches whose Redis write failed so far.
	 * @return the count
	 */
	public double writeFailures() {
		return this.writeFailures.count();
	}

	void deadLettered() {
		this.deadLettered.increment();
	}

	Timer batchTimer() {
		return this.batch;
	}

}
