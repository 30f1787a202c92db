package io.seqrec.launcher;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.contract.InteractionEvent;
import io.seqrec.data.PlantedSequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The generated stream follows {@link PlantedSequences}' rule with the stated noise, and
 * carries the asked shares of duplicates and late events.
 */
class SyntheticEventsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void walksFollowThePlantedRuleWithNoiseDuplicatesAndLateEvents() {
		int items = 200;
		PlantedSequences pattern = PlantedSequences.cycle(items);
		SyntheticEvents generator = new SyntheticEvents(50, items, 0.05, 0.1, 1, 1_000_000);
		Map<String, Integer> lastItem = new HashMap<>();
		Map<String, Long> lastTime = new HashMap<>();
		String previous = null;
		int events = 20_000;
		int duplicates = 0;
		int steps = 0;
		int planted = 0;
		int late = 0;
		for (int i = 0; i < events; i++) {
			SyntheticEvents.Event event = generator.next();
			if (event.duplicate()) {
				duplicates++;
				assertThat(event.json()).isEqualTo(previous);
				continue;
			}
			previous = event.json();
			JsonNode json = JSON.readTree(event.json());
			String user = json.get("userId").asString();
			assertThat(user).isEqualTo(event.key());
			int item = PlantedSequences.itemIndex(json.get("itemId").asString());
			long time = json.get("timestamp").asLong();
			Integer before = lastItem.put(user, item);
			if (before != null) {
				steps++;
				planted += (item == pattern.next(before)) ? 1 : 0;
				late += (time < lastTime.get(user)) ? 1 : 0;
			}
			lastTime.put(user, time);
		}
		assertThat(duplicates / (double) events).isCloseTo(0.05, within(0.01));
		assertThat(planted / (double) steps).isCloseTo(1 - SyntheticEvents.NOISE, within(0.02));
		assertThat(late / (double) steps).isBetween(0.05, 0.15);
	}

	@Test
	void aWalkIsThePlantedRuleOneEventASecond() {
		PlantedSequences pattern = PlantedSequences.cycle(30);
		List<InteractionEvent> walk = SyntheticEvents.walk(pattern, "user-7", 4, 5, 10_000);
		assertThat(walk).extracting(InteractionEvent::itemId)
			.containsExactly(PlantedSequences.itemId(4), PlantedSequences.itemId(pattern.next(4)),
					PlantedSequences.itemId(pattern.after(4, 2)), PlantedSequences.itemId(pattern.after(4, 3)),
					PlantedSequences.itemId(pattern.after(4, 4)));
		assertThat(walk).extracting(InteractionEvent::eventId)
			.containsExactly("user-7-0", "user-7-1", "user-7-2", "user-7-3", "user-7-4");
		assertThat(walk.get(4).userId()).isEqualTo("user-7");
	}

}
