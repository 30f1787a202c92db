package io.seqrec.ranker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the ranker service ({@code seqrec.ranker.*}).
 *
 * @param store the model store directory (shared with the trainer)
 * @param modelName the registry name of the model to serve
 * @param defaultK how many items a request without {@code k} gets
 * @param maxK the largest {@code k} a request may ask for (larger is a 400)
 * @param apiKeys accepted values of the {@code X-API-Key} header
 * @param apiKeysFile a file with more accepted keys, one per line (a mounted secret;
 * re-read when it changes)
 * @param sequenceTimeout how long a request waits for Redis
 * @param maxRequestSize the largest request body accepted (larger is a 413, refused
 * before it is read)
 * @param scoring how concurrent requests share the model
 * @param fallback popular items when no model is loaded
 */
@Validated
@ConfigurationProperties("seqrec.ranker")
public record RankerProperties(@DefaultValue("models") @NotNull Path store,
		@DefaultValue("sasrec") @NotBlank String modelName, @DefaultValue("10") @Min(1) int defaultK,
		@DefaultValue("100") @Min(1) @Max(10_000) int maxK, @DefaultValue List<String> apiKeys,
		@Nullable Path apiKeysFile, @DefaultValue("2s") @NotNull Duration sequenceTimeout,
		@DefaultValue("1MB") @NotNull DataSize maxRequestSize, @DefaultValue @NotNull @Valid Scoring scoring,
		@DefaultValue @NotNull @Valid Fallback fallback) {

	/** How the model is shared between requests. */
	public enum ScoringMode {

		/**
		 * Concurrent requests are collected into one forward pass (micro-batching) by
		 * {@code workers} threads.
		 */
		BATCH,
		/** Each request runs its own forward pass, at most {@code workers} at a time. */
		POOL

	}

	/**
	 * Scoring settings.
	 *
	 * @param mode micro-batching or a pool of concurrent forward passes
	 * @param workers batching threads, or the size of the pool
	 * @param maxBatchSize the most sequences in one forward pass
	 * @param maxWait how long a batch waits for more requests after the first (0 = take
	 * what is queued and go)
	 * @param intraOpThreads PyTorch intra-op threads, applied when the engine starts (0 =
	 * leave PyTorch's default, one per core)
	 */
	public record Scoring(@DefaultValue("BATCH") @NotNull ScoringMode mode, @DefaultValue("1") @Min(1) int workers,
			@DefaultValue("64") @Min(1) int maxBatchSize, @DefaultValue("0ms") @NotNull Duration maxWait,
			@DefaultValue("0") @Min(0) int intraOpThreads) {
	}

	/**
	 * Popular items when no model is loaded: the ingest service's popularity counters in
	 * Redis. (With a model loaded, popularity comes from the live artifact.)
	 *
	 * @param withoutModel whether requests are answered with popular items, and the
	 * service reports ready, before a first model is loaded
	 * @param refresh how long the popular items read from Redis are reused
	 */
	public record Fallback(@DefaultValue("false") boolean withoutModel,
			@DefaultValue("10s") @NotNull Duration refresh) {
	}

}
