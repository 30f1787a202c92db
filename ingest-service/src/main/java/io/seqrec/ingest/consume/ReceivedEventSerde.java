package io.seqrec.ingest.consume;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.contract.InteractionEvent;

/**
 * Jackson 3 (de)serialization of interaction events that keeps the original bytes. The
 * deserializer is the delegate of the {@code ErrorHandlingDeserializer}: JSON it cannot
 * parse becomes a {@code DeserializationException} carrying the raw bytes; JSON it can
 * parse arrives with its raw bytes, which the serializer writes back unchanged when a
 * record is dead-lettered (a re-serialized event would differ: number formats, dropped
 * unknown fields).
 */
final class ReceivedEventSerde {

	private ReceivedEventSerde() {
	}

	/** Parses a value with Jackson 3. */
	public static final class ReceivedEventDeserializer implements Deserializer<ReceivedEvent> {

		private static final ObjectReader READER = JsonMapper.builder().build().readerFor(InteractionEvent.class);

		@Override
		public ReceivedEvent deserialize(String topic, byte[] data) {
			if (data == null) {
				return null;
			}
			return new ReceivedEvent(data, READER.readValue(data));
		}

	}

	/** Writes a received value's original bytes. */
	public static final class RawSerializer implements Serializer<ReceivedEvent> {

		@Override
		public byte[] serialize(String topic, ReceivedEvent data) {
			return (data != null) ? data.raw() : null;
		}

	}

}
