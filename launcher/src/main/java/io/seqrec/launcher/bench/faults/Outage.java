package io.seqrec.launcher.bench.faults;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.springframework.context.ConfigurableApplicationContext;

import io.seqrec.launcher.SyntheticEvents;

/**
 * Scenarios 2 and 3: events produced at a constant rate while a server the ingest service
 * depends on goes away and comes back; afterwards the stored sequences are compared with
 * the expected ones, and the recovery is the time from the server's return until the
 * consumer's lag is zero again.
 */
final class Outage {

	private final FaultsBenchmark.Options options;

	private final PrintWriter out;

	Outage(FaultsBenchmark.Options options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	/**
	 * Runs one outage.
	 * @param name the scenario's name in the table
	 * @param key a short name for ids * @param faultName what is done, in the table (with
	 * {@code %.0f} for the seconds it was away)
	 * @param downSeconds how long the server stays stopped * @param stop how it goes away
	 * @param startServer how it comes back
	 * @param servers Kafka and Redis, closed by the caller
	 * @return the outcome
	 * @throws Exception if the scenario cannot run
	 */
	Outcome run(String name, String key, String faultName, double downSeconds, Consumer<Infrastructure> stopServer,
			Consumer<Infrastructure> startServer, Infrastructure servers) throws Exception {
		double rate = this.options.outageRate();
		long events = Math.round(rate * this.options.outageSeconds());
		String prefix = this.options.runId() + "-" + key + "-";
		ExpectedSequences expected = new ExpectedSequences();
		try (KafkaGroup group = KafkaGroup.atEnd(servers.bootstrapServers(), prefix + "ingest");
				EventProducer producer = new EventProducer(servers.bootstrapServers(), expected)) {
			long counterBefore = Math.max(0, servers.ingestedEvents());
			ConfigurableApplicationContext ingest = Ingest.start(servers, group.group());
			SyntheticEvents generator = new SyntheticEvents(this.options.users(), this.options.items(), 0.01, 0.01,
					this.options.seed(), this.options.eventStart(), prefix);
			// one event through first, so that the consumer has joined when the load
			// starts
			producer.send(generator.next());
			producer.flush();
			Ingest.awaitStored(servers, counterBefore, 1);
			AtomicLong healedAt = new AtomicLong();
			double down;
			AtomicLong caughtUpAt = new AtomicLong();
			AtomicLong maxLag = new AtomicLong();
			try {
				long start = System.nanoTime();
				EventProducer.Sending sending = producer.sendInBackground(generator, events - 1, rate);
				Thread sampling = new Thread(() -> sampleLag(group, healedAt, caughtUpAt, maxLag), "faults-lag");
				sampling.setDaemon(true);
				sampling.start();
				TimeUnit.MILLISECONDS.sleep(Math.round(this.options.faultAt() * 1000));
				long lagBefore = group.lag();
				long stopping = System.nanoTime();
				stopServer.accept(servers);
				long stopped = System.nanoTime();
				say("  %.1f s: stopping (lag %,d); stopped in %.1f s", (stopping - start) / 1e9, lagBefore,
						(stopped - stopping) / 1e9);
				TimeUnit.MILLISECONDS.sleep(Math.round(downSeconds * 1000));
				startServer.accept(servers);
				healedAt.set(System.nanoTime());
				down = (healedAt.get() - stopping) / 1e9;
				say("  %.1f s: started again; away %.1f s from the stop to the start", (healedAt.get() - start) / 1e9,
						down);
				sending.await();
				group.awaitCaughtUp(600);
				sampling.interrupt();
				say("  all events consumed %.1f s after the start; %,d sends acknowledged, %,d failed",
						(System.nanoTime() - start) / 1e9, expected.acknowledgedCount(), producer.failed());
			}
			finally {
				ingest.close();
			}
			ExpectedSequences.Comparison comparison = expected.compare(servers.redisUrl(), Ingest.MAX_LENGTH,
					servers.ingestedEvents() - counterBefore);
			comparison.print(this.out);
			double recovery = (caughtUpAt.get() > 0) ? (caughtUpAt.get() - healedAt.get()) / 1e9 : -1;
			say("  consumer lag back to zero %.1f s after the server returned (largest lag: %,d records)", recovery,
					maxLag.get());
			return new Outcome(name,
					String.format(Locale.ROOT, "%,d events at %,.0f/s", expected.acknowledgedCount(), rate),
					String.format(Locale.ROOT, faultName, down), comparison.lost(), comparison.duplicated(),
					comparison.orderErrors(), 0, 0, 0, String.format(Locale.ROOT, "lag 0 after %.1f s", recovery),
					null);
		}
	}

	/** Records the lag's peak, and when it first reads zero after the server returned. */
	private static void sampleLag(KafkaGroup group, AtomicLong healedAt, AtomicLong caughtUpAt, AtomicLong maxLag) {
		try {
			while (caughtUpAt.get() == 0) {
				long lag = group.lag();
				if (lag == 0 && healedAt.get() != 0) {
					caughtUpAt.set(System.nanoTime());
				}
				maxLag.accumulateAndGet(lag, Math::max);
				TimeUnit.MILLISECONDS.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void say(String format, Object... args) {
		this.out.printf(Locale.ROOT, format + "%n", args);
		this.out.flush();
	}

}
