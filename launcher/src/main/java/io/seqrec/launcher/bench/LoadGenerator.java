package io.seqrec.launcher.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;

/**
 * The HTTP load generator, run in its own process by {@code seqrec bench ranker}: a fixed
 * number of keep-alive connections sending {@code GET /v1/users/{random
 * user}/recommendations?k=10}; a warm-up, then a measured period. Closed loop (no rate
 * given): each connection sends its next request when the answer to the previous one
 * arrived, which measures the maximum throughput. Open loop (a rate given): requests are
 * due on a fixed timetable ({@link OpenLoop}) and their latency counts from the due time.
 * It writes its figures to a file as {@code key=value} lines.
 *
 * <p>
 * Arguments: host, port, API key, users, connections, warm-up seconds, measured seconds,
 * result file, and for an open loop the rate in requests per second.
 */
public final class LoadGenerator {

	private LoadGenerator() {
	}

	/**
	 * Runs the load.
	 * @param args host, port, key, users, connections, warm-up s, measured s, result file
	 * [, requests per second]
	 * @throws Exception if the load cannot run
	 */
	public static void main(String[] args) throws Exception {
		int connections = Integer.parseInt(args[4]);
		long start = System.nanoTime();
		long measureFrom = start + (long) (Double.parseDouble(args[5]) * 1e9);
		long measureUntil = measureFrom + (long) (Double.parseDouble(args[6]) * 1e9);
		OpenLoop open = (args.length > 8) ? new OpenLoop(new OpenLoop.Timetable(start, Double.parseDouble(args[8])),
				measureFrom, measureUntil, OpenLoop.Clock.SYSTEM) : null;
		List<Thread> threads = new ArrayList<>();
		OpenLoop.Latencies[] recorded = new OpenLoop.Latencies[connections];
		String[] failures = new String[connections];
		LongAdder sent = new LongAdder();
		for (int c = 0; c < connections; c++) {
			int connection = c;
			Thread thread = new Thread(() -> {
				try (HttpConnection http = new HttpConnection(args[0], Integer.parseInt(args[1]), args[2],
						Integer.parseInt(args[3]), connection * 7919L + 1)) {
					recorded[connection] = (open != null) ? open.run((request) -> {
						sent.increment();
						return http.send();
					}) : closedLoop(http, measureFrom, measureUntil, sent);
				}
				catch (IOException | RuntimeException ex) {
					failures[connection] = ex.toString();
				}
			}, "load-" + c);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		Histogram all = new Histogram(3);
		long errors = 0;
		for (OpenLoop.Latencies latencies : recorded) {
			if (latencies != null) {
				all.add(latencies.histogram());
				errors += latencies.errors().get();
			}
		}
		List<String> lines = new ArrayList<>();
		lines.add("requests=" + all.getTotalCount());
		lines.add("all_requests=" + sent.sum());
		lines.add(String.format(Locale.ROOT, "seconds=%.3f", (measureUntil - measureFrom) / 1e9));
		lines.add("errors=" + errors);
		lines.add("p50_us=" + all.getValueAtPercentile(50));
		lines.add("p90_us=" + all.getValueAtPercentile(90));
		lines.add("p99_us=" + all.getValueAtPercentile(99));
		lines.add("p999_us=" + all.getValueAtPercentile(99.9));
		lines.add("max_us=" + all.getMaxValue());
		for (String failure : failures) {
			if (failure != null) {
				lines.add("failure=" + failure);
			}
		}
		Files.write(Path.of(args[7]), lines, StandardCharsets.UTF_8);
	}

	/**
	 * Sends requests back to back: latencies from the send, of the requests both sent and
	 * answered within the measured period.
	 */
	private static OpenLoop.Latencies closedLoop(HttpConnection http, long measureFrom, long measureUntil,
			LongAdder sent) throws IOException {
		OpenLoop.Latencies latencies = new OpenLoop.Latencies(new Histogram(3), new AtomicLong());
		for (long start = System.nanoTime(); start < measureUntil; start = System.nanoTime()) {
			sent.increment();
			boolean ok = http.send();
			long end = System.nanoTime();
			if (start >= measureFrom && end <= measureUntil) {
				latencies.histogram().recordValue(TimeUnit.NANOSECONDS.toMicros(end - start));
				if (!ok) {
					latencies.errors().incrementAndGet();
				}
			}
		}
		return latencies;
	}

}
