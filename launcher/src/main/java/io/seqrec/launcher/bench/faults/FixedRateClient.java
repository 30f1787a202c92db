package io.seqrec.launcher.bench.faults;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A constant-rate HTTP client: request {@code i} is sent at {@code start + i / rate},
 * whether or not earlier answers came back, and its latency is counted from that moment
 * (so a stalled server shows in the latency, not in a lower rate).
 */
final class FixedRateClient implements AutoCloseable {

	private static final Pattern VERSION = Pattern.compile("\"version\":\"([^\"]*)\"");

	private final ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
		Thread thread = new Thread(task, "fixed-rate-client");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.executor(this.executor)
		.build();

	/**
	 * One request's fate.
	 *
	 * @param scheduledAt when it was due ({@link System#nanoTime()})
	 * @param latencyNanos from when it was due until the answer, or until it failed
	 * @param status the HTTP status, or 0 if no answer came
	 * @param version the model version in the answer, if any
	 */
	record Sample(long scheduledAt, long latencyNanos, int status, @Nullable String version) {

		boolean succeeded() {
			return this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Sends requests at a constant rate.
	 * @param requests the request to send as the {@code i}-th
	 * @param perSecond requests per second
	 * @param duration how long
	 * @return every request's sample, in the order they were due
	 * @throws InterruptedException if interrupted
	 */
	List<Sample> run(LongFunction<HttpRequest> requests, double perSecond, Duration duration)
			throws InterruptedException {
		long count = Math.round(perSecond * duration.toNanos() / 1e9);
		List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
		List<CompletableFuture<Void>> pending = new ArrayList<>();
		long start = System.nanoTime();
		for (long i = 0; i < count; i++) {
			long due = start + (long) (i * 1e9 / perSecond);
			for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
				LockSupport.parkNanos(wait);
			}
			pending.add(this.http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofString())
				.orTimeout(10, TimeUnit.SECONDS)
				.handle((response, failure) -> {
					long latency = System.nanoTime() - due;
					if (response == null) {
						samples.add(new Sample(due, latency, 0, null));
					}
					else {
						Matcher version = VERSION.matcher(response.body());
						samples.add(new Sample(due, latency, response.statusCode(),
								version.find() ? version.group(1) : null));
					}
					return null;
				}));
		}
		try {
			CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			// every request records its own failure
		}
		List<Sample> sorted = new ArrayList<>(samples);
		sorted.sort((a, b) -> Long.compare(a.scheduledAt(), b.scheduledAt()));
		return sorted;
	}

	/**
	 * The value at a quantile.
	 * @param latencies latencies in nanoseconds
	 * @param quantile between 0 and 1
	 * @return milliseconds, or NaN without samples
	 */
	static double percentileMillis(List<Long> latencies, double quantile) {
		if (latencies.isEmpty()) {
			return Double.NaN;
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(quantile * sorted.size()) - 1));
		return sorted.get(index) / 1e6;
	}

	@Override
	public void close() {
		this.executor.shutdownNow();
	}

}
