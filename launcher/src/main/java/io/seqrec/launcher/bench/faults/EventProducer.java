package io.seqrec.launcher.bench.faults;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import io.seqrec.contract.Topics;
import io.seqrec.launcher.SyntheticEvents;

/**
 * Sends synthetic events to the interaction topic as a careful producer does (every
 * replica acknowledges, idempotent retries for five minutes, so a broker restart or a
 * slow consumer loses nothing on this side), and records what the broker acknowledged in
 * the expected sequences.
 */
final class EventProducer implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final ExpectedSequences expected;

	private final AtomicLong failed = new AtomicLong();

	EventProducer(String bootstrap, ExpectedSequences expected) {
		this.expected = expected;
		this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
				ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 262_144,
				ProducerConfig.BUFFER_MEMORY_CONFIG, 134_217_728L, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000), new StringSerializer(), new ByteArraySerializer());
	}

	/**
	 * Sends events from a generator, paced to a rate.
	 * @param generator the events
	 * @param count how many
	 * @param perSecond events per second, 0 for as fast as the producer takes them
	 * @throws InterruptedException if interrupted
	 */
	void send(SyntheticEvents generator, long count, double perSecond) throws InterruptedException {
		long start = System.nanoTime();
		for (long i = 0; i < count; i++) {
			if (perSecond > 0 && i % 100 == 0) {
				long due = start + (long) (i * 1e9 / perSecond);
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
			}
			send(generator.next());
		}
		this.producer.flush();
	}

	/**
	 * Sends events from a generator on a thread of their own.
	 * @param generator the events
	 * @param count how many
	 * @param perSecond events per second, 0 for as fast as the producer takes them
	 * @return the sending, to wait for
	 */
	Sending sendInBackground(SyntheticEvents generator, long count, double perSecond) {
		Sending sending = new Sending(() -> {
			send(generator, count, perSecond);
			return null;
		});
		sending.thread.start();
		return sending;
	}

	/** Events being sent on a thread of their own. */
	static final class Sending {

		private final AtomicReference<Exception> failure = new AtomicReference<>();

		private final Thread thread;

		private Sending(Callable<Void> work) {
			this.thread = new Thread(() -> {
				try {
					work.call();
				}
				catch (Exception ex) {
					this.failure.set(ex);
				}
			}, "faults-producer");
		}

		/**
		 * Waits until every event was sent and acknowledged.
		 * @throws Exception what stopped the sending, if anything did
		 */
		void await() throws Exception {
			this.thread.join();
			if (this.failure.get() != null) {
				throw this.failure.get();
			}
		}

	}

	/**
	 * Sends one event.
	 * @param event the event
	 */
	void send(SyntheticEvents.Event event) {
		this.producer.send(new ProducerRecord<>(Topics.INTERACTIONS, event.key(), event.bytes()),
				(metadata, exception) -> {
					if (exception == null) {
						this.expected.acknowledged(event);
					}
					else {
						this.failed.incrementAndGet();
						this.expected.uncertain(event);
					}
				});
	}

	/**
	 * Sends a record as it is, with a header that names it.
	 * @param key the key
	 * @param value the value, or null for a tombstone
	 * @param header the header's name
	 * @param id the header's value
	 * @param acknowledged called when the broker acknowledged it
	 */
	void sendRaw(String key, byte @Nullable [] value, String header, String id, Runnable acknowledged) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.INTERACTIONS, key, value);
		record.headers().add(header, id.getBytes(StandardCharsets.UTF_8));
		this.producer.send(record, (metadata, exception) -> {
			if (exception == null) {
				acknowledged.run();
			}
			else {
				this.failed.incrementAndGet();
			}
		});
	}

	/**
	 * Sends that the producer gave up on.
	 * @return the count
	 */
	long failed() {
		return this.failed.get();
	}

	/**
	 * Sends what is buffered and waits for the acknowledgements.
	 */
	void flush() {
		this.producer.flush();
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
