package io.seqrec.launcher.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An open-loop (constant-rate) load: request {@code i} is due at a fixed time of a
 * timetable, whatever happened to the requests before it. Connections take the next
 * request number, wait until it is due (not at all if it is late), send it, and record
 * its latency from the time it was <em>due</em>, not from the time it was sent: when the
 * server stalls, every request due during the stall counts the time it waited for a free
 * connection, so coordinated omission cannot hide the stall.
 */
final class OpenLoop {

	private final Timetable timetable;

	private final long measureFrom;

	private final long measureUntil;

	private final Clock clock;

	private final AtomicLong next = new AtomicLong();

	/**
	 * Creates the load.
	 * @param timetable when each request is due
	 * @param measureFrom requests due before this time (a warm-up) are sent, not recorded
	 * @param measureUntil no request is due at or after this time
	 * @param clock the time source
	 */
	OpenLoop(Timetable timetable, long measureFrom, long measureUntil, Clock clock) {
		this.timetable = timetable;
		this.measureFrom = measureFrom;
		this.measureUntil = measureUntil;
		this.clock = clock;
	}

	/**
	 * Sends requests on one connection until no request is left on the timetable; run it
	 * on each connection's thread.
	 * @param exchange the connection
	 * @return the latencies (microseconds from the due time) and errors of the recorded
	 * requests this connection sent
	 * @throws IOException if the connection fails
	 */
	Latencies run(Exchange exchange) throws IOException {
		Latencies latencies = new Latencies(new Histogram(3), new AtomicLong());
		while (true) {
			long request = this.next.getAndIncrement();
			long due = this.timetable.at(request);
			if (due >= this.measureUntil) {
				return latencies;
			}
			this.clock.sleepUntil(due);
			boolean ok = exchange.send(request);
			long end = this.clock.nanoTime();
			if (due >= this.measureFrom) {
				latencies.histogram().recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(end - due)));
				if (!ok) {
					latencies.errors().incrementAndGet();
				}
			}
		}
	}

	/**
	 * Request {@code i} is due at {@code start + i / rate} seconds, computed from the
	 * start for every request so no rounding accumulates.
	 *
	 * @param start the time request 0 is due ({@link Clock#nanoTime()})
	 * @param perSecond requests per second
	 */
	record Timetable(long start, double perSecond) {

		Timetable {
			if (!(perSecond > 0)) {
				throw new IllegalArgumentException("the rate must be positive, got " + perSecond);
			}
		}

		/**
		 * When a request is due.
		 * @param request its number, from 0
		 * @return nanoseconds on the clock
		 */
		long at(long request) {
			return this.start + (long) Math.floor(request * 1e9 / this.perSecond);
		}

	}

	/**
	 * A connection: sends one request and waits for its answer.
	 */
	@FunctionalInterface
	interface Exchange {

		/**
		 * Sends a request and reads the answer.
		 * @param request the request number
		 * @return whether it succeeded
		 * @throws IOException if the connection fails
		 */
		boolean send(long request) throws IOException;

	}

	/**
	 * The time source.
	 */
	interface Clock {

		/**
		 * The system's monotonic clock.
		 */
		Clock SYSTEM = new Clock() {

			@Override
			public long nanoTime() {
				return System.nanoTime();
			}

			@Override
			public void sleepUntil(long deadline) {
				for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
					LockSupport.parkNanos(left);
				}
			}

		};

		/**
		 * The current time.
		 * @return nanoseconds
		 */
		long nanoTime();

		/**
		 * Returns at or after a time (at once if it has passed).
		 * @param deadline nanoseconds on this clock
		 */
		void sleepUntil(long deadline);

	}

	/**
	 * What one connection recorded.
	 *
	 * @param histogram latencies in microseconds
	 * @param errors answers that were not a success
	 */
	record Latencies(Histogram histogram, AtomicLong errors) {
	}

}
