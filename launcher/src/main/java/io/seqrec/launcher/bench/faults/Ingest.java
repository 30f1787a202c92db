package io.seqrec.launcher.bench.faults;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.context.ConfigurableApplicationContext;

import io.seqrec.ingest.IngestApplication;
import io.seqrec.launcher.BootApps;

/**
 * How the scenarios run the ingest service: its defaults, a consumer group of the
 * scenario's own, and sequences long enough to keep every event of a user, so that every
 * event is compared.
 */
final class Ingest {

	/** Events kept per user. */
	static final int MAX_LENGTH = 1000;

	private Ingest() {
	}

	static List<String> settings(Infrastructure servers, String group) {
		return List.of("spring.kafka.bootstrap-servers=" + servers.bootstrapServers(),
				"spring.data.redis.url=" + servers.redisUrl(), "spring.kafka.consumer.group-id=" + group,
				"seqrec.ingest.max-sequence-length=" + MAX_LENGTH);
	}

	/**
	 * Waits until the ingest counter grew by at least the target.
	 * @param servers Kafka and Redis
	 * @param before the counter before
	 * @param target the growth waited for
	 * @return the growth
	 * @throws InterruptedException if interrupted
	 */
	static long awaitStored(Infrastructure servers, long before, long target) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
		while (true) {
			long stored = servers.ingestedEvents() - before;
			if (stored >= target) {
				return stored;
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the ingest service stored only " + stored + " events in 10 minutes");
			}
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	/**
	 * Starts the service in this process.
	 * @param servers Kafka and Redis
	 * @param group the consumer group
	 * @return the running service
	 */
	static ConfigurableApplicationContext start(Infrastructure servers, String group) {
		return BootApps.run(IngestApplication.class, IngestApplication.CONFIG_NAME, false,
				settings(servers, group).toArray(String[]::new));
	}

}
