package io.seqrec.ingest.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import io.seqrec.contract.InteractionEvents;
import io.seqrec.contract.InvalidEventException;
import io.seqrec.contract.Topics;
import io.seqrec.contract.ValidEvent;
import io.seqrec.ingest.IngestProperties;
import io.seqrec.ingest.store.RedisWriteException;
import io.seqrec.ingest.store.SequenceWriter;
import io.seqrec.ingest.store.WriteResult;

/**
 * Consumes interaction events in batches and writes them into Redis.
 *
 * <p>
 * The valid events of a batch are written first, then its invalid records are sent to the
 * dead-letter topic all at once, and the listener waits until the broker acknowledged
 * them: an invalid record costs one send, not a new fetch of the rest of its batch. A
 * batch whose write or dead-lettering fails is retried as a whole (replayed events are
 * duplicates, which Redis drops); the listener returns, and offsets are committed, only
 * after Redis acknowledged the batch and the broker every dead letter.
 */
@Component
class InteractionListener {

	private static final Logger logger = LoggerFactory.getLogger(InteractionListener.class);

	private static final LogAccessor LOG_ACCESSOR = new LogAccessor(InteractionListener.class);

	/** How long a batch waits for the broker to acknowledge its dead letters. */
	private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofMinutes(2);

	/** The listener container's id, for starting and stopping it. */
	static final String ID = "seqrec-ingest";

	private final SequenceWriter writer;

	private final IngestProperties properties;

	private final IngestMetrics metrics;

	private final Clock clock;

	private final BatchDeadLetters deadLetters;

	InteractionListener(SequenceWriter writer, IngestProperties properties, IngestMetrics metrics, Clock clock,
			BatchDeadLetters deadLetters) {
		this.writer = writer;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
		this.deadLetters = deadLetters;
	}

	@KafkaListener(id = ID, idIsGroup = false, topics = Topics.INTERACTIONS, batch = "true")
	void onBatch(List<ConsumerRecord<String, ReceivedEvent>> records) {
		this.metrics.batchTimer().record(() -> ingest(records));
	}

	private void ingest(List<ConsumerRecord<String, ReceivedEvent>> records) {
		this.metrics.consumed(records.size());
		List<ValidEvent> valid = new ArrayList<>(records.size());
		List<ConsumerRecord<String, ReceivedEvent>> invalid = new ArrayList<>();
		List<RuntimeException> reasons = new ArrayList<>();
		for (ConsumerRecord<String, ReceivedEvent> record : records) {
			RuntimeException problem = invalidity(record);
			if (problem == null) {
				try {
					ReceivedEvent value = record.value();
					valid.add(InteractionEvents.validate((value != null) ? value.event() : null, this.clock,
							this.properties.maxClockSkew()));
					continue;
				}
				catch (InvalidEventException ex) {
					problem = ex;
				}
			}
			invalid.add(record);
			reasons.add(problem);
		}
		write(valid);
		for (int i = 0; i < invalid.size(); i++) {
			ConsumerRecord<String, ReceivedEvent> record = invalid.get(i);
			logger.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					reasons.get(i).getMessage());
			this.deadLetters.accept(record, reasons.get(i));
		}
		if (!invalid.isEmpty()) {
			this.deadLetters.awaitSent(DEAD_LETTER_TIMEOUT);
		}
	}

	private static @Nullable RuntimeException invalidity(ConsumerRecord<String, ReceivedEvent> record) {
		DeserializationException ex = SerializationUtils.getExceptionFromHeader(record,
				SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
		if (ex != null) {
			return ex;
		}
		return null;
	}

	private void write(List<ValidEvent> valid) {
		if (valid.isEmpty()) {
			return;
		}
		WriteResult result;
		try {
			result = this.writer.write(valid);
		}
		catch (RedisWriteException ex) {
			this.metrics.writeFailed();
			logger.warn("cannot write {} events to Redis, the batch will be retried: {}", valid.size(),
					ex.getMessage());
			throw ex;
		}
		this.metrics.written(result);
		valid.clear();
	}

}
