package io.seqrec.ingest;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ingest service ({@code seqrec.ingest.*}).
 *
 * @param maxSequenceLength events kept per user, the most recent by event time
 * @param dedupWindow how long an event id is remembered to drop duplicates (and replays)
 * @param maxClockSkew how far in the future an event time may lie
 * @param sequenceTtl drop a user's sequence after this long without events; zero keeps it
 * @param partitions partitions of the interaction topic and its dead-letter topic, when
 * created
 * @param replicas replication factor of the topics, when created
 * @param retry back-off while Redis is unreachable (the batch is retried, never skipped)
 * @param usersPerScript users whose events one atomic script call applies (on a Redis
 * Cluster, only users of one hash slot share a call); larger groups cost fewer calls and
 * block Redis longer per call
 */
@Validated
@ConfigurationProperties("seqrec.ingest")
public record IngestProperties(@DefaultValue("200") @Min(1) int maxSequenceLength,
		@DefaultValue("24h") @NotNull Duration dedupWindow, @DefaultValue("5m") @NotNull Duration maxClockSkew,
		@DefaultValue("0s") @NotNull Duration sequenceTtl, @DefaultValue("3") @Min(1) int partitions,
		@DefaultValue("1") @Min(1) short replicas, @DefaultValue @NotNull Retry retry,
		@DefaultValue("256") @Min(1) int usersPerScript) {

	/**
	 * Retry back-off of a batch that could not be written.
	 *
	 * @param initialInterval first wait
	 * @param maxInterval longest wait between attempts (retries never stop)
	 */
	public record Retry(@DefaultValue("200ms") Duration initialInterval, @DefaultValue("10s") Duration maxInterval) {
	}

}
