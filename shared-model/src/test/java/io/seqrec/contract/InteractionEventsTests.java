package io.seqrec.contract;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionEventsTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

	private static final Duration SKEW = Duration.ofMinutes(5);

	private static ValidEvent validate(InteractionEvent event) {
		return InteractionEvents.validate(event, NOW, SKEW);
	}

	@Test
	void acceptsEpochMillisAndIso8601AndAnyType() {
		ValidEvent millis = validate(new InteractionEvent("e", "u", "i", "1700000000000", "teleport", 2.5));
		assertThat(millis.epochMillis()).isEqualTo(1_700_000_000_000L);
		assertThat(millis.type()).isEqualTo("teleport");
		assertThat(validate(new InteractionEvent("e", "u", "i", "2026-11-22T10:15:30Z", null, null)).epochMillis())
			.isEqualTo(Instant.parse("2026-11-22T10:15:30Z").toEpochMilli());
		assertThat(validate(new InteractionEvent("e", "u", "i", "2026-11-22T11:15:30+01:00", null, null)).epochMillis())
			.isEqualTo(Instant.parse("2026-11-22T10:15:30Z").toEpochMilli());
		// within the skew
		long soon = NOW.millis() + Duration.ofMinutes(4).toMillis();
		assertThat(validate(InteractionEvent.of("e", "u", "i", soon)).epochMillis()).isEqualTo(soon);
	}

	@Test
	void namesWhatIsWrong() {
		assertThatThrownBy(() -> validate(null)).hasMessage("empty record value");
		assertThatThrownBy(() -> validate(new InteractionEvent(null, "u", "i", "1", null, null)))
			.isInstanceOf(InvalidEventException.class)
			.hasMessage("eventId is missing");
		assertThatThrownBy(() -> validate(new InteractionEvent("e", " ", "i", "1", null, null)))
			.hasMessage("userId is blank");
		assertThatThrownBy(() -> validate(new InteractionEvent("e", "}u", "i", "1", null, null)))
			.hasMessage("userId may not start with '}'");
		assertThat(validate(new InteractionEvent("e", "u}{", "i", "1", null, null)).userId()).isEqualTo("u}{");
		assertThatThrownBy(() -> validate(new InteractionEvent("e", "u", "x".repeat(257), "1", null, null)))
			.hasMessage("itemId is 257 characters long; the limit is 256");
		assertThat(validate(new InteractionEvent("e", "u", "x".repeat(256), "1", null, null)).itemId()).hasSize(256);
		assertThatThrownBy(() -> validate(new InteractionEvent("e", "u", "i", null, null, null)))
			.hasMessage("timestamp is missing");
		assertThatThrownBy(() -> validate(new InteractionEvent("e", "u", "i", "yesterday", null, null)))
			.hasMessageContaining("neither epoch milliseconds nor ISO-8601");
		long future = NOW.millis() + Duration.ofMinutes(6).toMillis();
		assertThatThrownBy(() -> validate(InteractionEvent.of("e", "u", "i", future)))
			.hasMessageContaining("in the future");
	}

	@Test
	void readsNumbersAndStringsAsTimestampsFromJson() {
		JsonMapper json = JsonMapper.builder().build();
		InteractionEvent number = json.readValue(
				"{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":1700000000000,\"extra\":true}",
				InteractionEvent.class);
		assertThat(validate(number).epochMillis()).isEqualTo(1_700_000_000_000L);
		assertThat(json.writeValueAsString(InteractionEvent.of("e", "u", "i", 5)))
			.isEqualTo("{\"eventId\":\"e\",\"userId\":\"u\",\"itemId\":\"i\",\"timestamp\":\"5\"}");
	}

}
