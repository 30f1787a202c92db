package io.seqrec.launcher.bench.faults;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.seqrec.launcher.SyntheticEvents;

/**
 * Scenario 1: events are produced while the ingest service, a JVM of its own, is killed
 * with SIGKILL at random moments of its progress and started again; afterwards every
 * user's stored sequence is compared with the one expected from what the broker
 * acknowledged.
 */
final class IngestCrashes {

	private final FaultsBenchmark.Options options;

	private final PrintWriter out;

	IngestCrashes(FaultsBenchmark.Options options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	Outcome run() throws Exception {
		long events = this.options.crashEvents();
		int kills = this.options.kills();
		say("1. ingest crashes: %,d events (%,d users, 1%% duplicates, 1%% late), ingest-service killed with "
				+ "SIGKILL %d times", events, this.options.users(), kills);
		String prefix = this.options.runId() + "-crash-";
		ExpectedSequences expected = new ExpectedSequences();
		Path log = Files.createTempFile(this.options.workDirectory(), "ingest", ".log");
		SplittableRandom random = new SplittableRandom(this.options.seed());
		List<Double> recoveries = new ArrayList<>();
		try (Infrastructure servers = Infrastructure.start(this.options, this.out);
				KafkaGroup group = KafkaGroup.atEnd(servers.bootstrapServers(), prefix + "ingest");
				EventProducer producer = new EventProducer(servers.bootstrapServers(), expected)) {
			List<String> settings = Ingest.settings(servers, group.group());
			long counterBefore = Math.max(0, servers.ingestedEvents());
			IngestProcess ingest = IngestProcess.start(settings, log);
			try {
				EventProducer.Sending sending = producer.sendInBackground(new SyntheticEvents(this.options.users(),
						this.options.items(), 0.01, 0.01, this.options.seed(), this.options.eventStart(), prefix),
						events, 0);
				long expectedUnique = Math.round(events * 0.99);
				double[] thresholds = new double[kills];
				for (int i = 0; i < kills; i++) {
					thresholds[i] = 0.05 + 0.9 * random.nextDouble();
				}
				Arrays.sort(thresholds);
				long start = System.nanoTime();
				for (int i = 0; i < kills; i++) {
					long target = Math.round(thresholds[i] * expectedUnique);
					long stored = Ingest.awaitStored(servers, counterBefore, target);
					TimeUnit.MILLISECONDS.sleep(random.nextInt(500));
					ingest.kill();
					long killedAt = System.nanoTime();
					long atKill = servers.ingestedEvents() - counterBefore;
					say("  kill %d at %.1f s: SIGKILL after %,d of ~%,d events stored; restarting", i + 1,
							(killedAt - start) / 1e9, Math.max(stored, atKill), expectedUnique);
					ingest = IngestProcess.start(settings, log);
					Ingest.awaitStored(servers, counterBefore, atKill + 1);
					recoveries.add((System.nanoTime() - killedAt) / 1e9);
				}
				sending.await();
				group.awaitCaughtUp(900);
				say("  all events consumed %.1f s after the start; %,d sends acknowledged, %,d failed",
						(System.nanoTime() - start) / 1e9, expected.acknowledgedCount(), producer.failed());
			}
			finally {
				ingest.close();
			}
			ExpectedSequences.Comparison comparison = expected.compare(servers.redisUrl(), Ingest.MAX_LENGTH,
					servers.ingestedEvents() - counterBefore);
			comparison.print(this.out);
			double worst = recoveries.stream().mapToDouble(Double::doubleValue).max().orElse(0);
			double mean = recoveries.stream().mapToDouble(Double::doubleValue).average().orElse(0);
			say("  recovery after a kill (SIGKILL to the next stored event, restart included): mean %.1f s, "
					+ "longest %.1f s", mean, worst);
			return new Outcome("ingest crashes", String.format(Locale.ROOT, "%,d events", events), kills + " x SIGKILL",
					comparison.lost(), comparison.duplicated(), comparison.orderErrors(), 0, 0, 0,
					String.format(Locale.ROOT, "%.0f s per kill (max %.0f s)", mean, worst), null);
		}
		finally {
			Files.deleteIfExists(log);
		}
	}

	private void say(String format, Object... args) {
		this.out.printf(Locale.ROOT, format + "%n", args);
		this.out.flush();
	}

}
