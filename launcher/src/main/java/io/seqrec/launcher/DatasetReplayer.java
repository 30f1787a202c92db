package io.seqrec.launcher;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.contract.InteractionEvent;
import io.seqrec.contract.Topics;
import io.seqrec.data.InteractionTable;

/**
 * Replays interactions read from an atomic file as interaction events into Kafka, the way
 * any producer would send them (key = user id, JSON value).
 *
 * <p>
 * Event ids are the dataset's name and the row's 0-based index in the file, zero-padded
 * ({@code ml-100k-00000042}), so a replay is idempotent and the trainer's canonical order
 * (event time, then event id) keeps the file's order among equal times. Event times are
 * the file's timestamps read as epoch seconds, or as epoch milliseconds when they are too
 * large to be seconds (after the year 5138).
 */
public final class DatasetReplayer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final double SECONDS_LIMIT = 1e11;

	private DatasetReplayer() {
	}

	/**
	 * The event id of a row.
	 * @param dataset the dataset name
	 * @param row the 0-based row index
	 * @return the id
	 */
	public static String eventId(String dataset, int row) {
		return String.format(Locale.ROOT, "%s-%08d", dataset, row);
	}

	/**
	 * The event time of a file timestamp.
	 * @param timestamp the file's value
	 * @return epoch milliseconds
	 */
	public static long epochMillis(double timestamp) {
		return (timestamp < SECONDS_LIMIT) ? Math.round(timestamp * 1000) : Math.round(timestamp);
	}

	/**
	 * Produces every row and waits until the broker acknowledged them.
	 * @param table the interactions, in file order
	 * @param dataset the dataset name (prefix of the event ids)
	 * @param bootstrapServers Kafka
	 * @param progress called with the number of events sent so far, every 10,000
	 * @return the number of events sent
	 */
	public static long replay(InteractionTable table, String dataset, String bootstrapServers, LongConsumer progress) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 10);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			for (int row = 0; row < table.size(); row++) {
				InteractionEvent event = InteractionEvent.of(eventId(dataset, row), table.userToken(row),
						table.itemToken(row), epochMillis(table.timestamp(row)));
				producer
					.send(new ProducerRecord<>(Topics.INTERACTIONS, event.userId(), JSON.writeValueAsString(event)));
				if ((row + 1) % 10_000 == 0) {
					progress.accept(row + 1);
				}
			}
			producer.flush();
		}
		progress.accept(table.size());
		return table.size();
	}

	/**
	 * A progress printer.
	 * @param out where to print
	 * @param total the number of events to send
	 * @return the consumer
	 */
	public static LongConsumer printer(PrintWriter out, long total) {
		return (sent) -> {
			out.printf(Locale.ROOT, "  sent %,d of %,d events%n", sent, total);
			out.flush();
		};
	}

}
