package io.seqrec.testsupport.redis;

import java.util.List;
import java.util.Map;

import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.data.PlantedSequences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension in a plain JUnit class: the server comes as a parameter, starts empty for
 * the class, keeps its data over a stop and a start, and the writer lays events out as
 * the sequence store reads them.
 */
@EmbeddedRedis
class EmbeddedRedisIntegrationTests {

	@BeforeAll
	static void startsEmpty(EmbeddedRedisServer server) {
		EmptyAtStart.assertEmpty(server);
	}

	@Test
	void theServerIsTheJvmsOneOnAFreeLoopbackPort(EmbeddedRedisServer server) {
		assertThat(server).isSameAs(EmbeddedRedisServer.shared());
		assertThat(server.port()).isPositive().isNotEqualTo(6379);
		assertThat(server.url()).isEqualTo("redis://127.0.0.1:" + server.port());
		assertThat(server.isRunning()).isTrue();
	}

	@Test
	void theWriterHasTheEffectsOfIngestingEachEvent(EmbeddedRedisServer server) {
		PlantedSequences pattern = PlantedSequences.cycle(7);
		try (RedisContractWriter writer = server.writer();
				StatefulRedisConnection<String, String> connection = server.connect()) {
			long before = writer.events();
			writer.sequence("writer-a", List.of("item-1", "item-2", "item-1"));
			writer.interactions(pattern.table(2, 3, 0.0, 5));
			writer.event("writer-b", "late", "item-9", 10);
			RedisSequenceStore store = new RedisSequenceStore(connection.async(), 10);
			assertThat(store.read("writer-a", 0)).containsExactly(
					new SequenceEntry("writer-a-0", "item-1", RedisContractWriter.FIRST_EVENT_MILLIS),
					new SequenceEntry("writer-a-1", "item-2", RedisContractWriter.FIRST_EVENT_MILLIS + 1000),
					new SequenceEntry("writer-a-2", "item-1", RedisContractWriter.FIRST_EVENT_MILLIS + 2000));
			List<String> walked = store.read("user-1", 0).stream().map(SequenceEntry::itemId).toList();
			assertThat(walked).hasSize(3);
			for (int t = 1; t < walked.size(); t++) {
				int previous = PlantedSequences.itemIndex(walked.get(t - 1));
				assertThat(walked.get(t)).isEqualTo(PlantedSequences.itemId(pattern.next(previous)));
			}
			assertThat(writer.events() - before).isEqualTo(3 + 6 + 1);
			writer.popularity("item-9", 100);
			assertThat(store.popularItems(1)).containsExactly(Map.entry("item-9", 100L));
		}
	}

	@Test
	void dataSurvivesAStopAndAStart(EmbeddedRedisServer server) {
		try (RedisContractWriter writer = server.writer()) {
			writer.commands().set("survivor", "yes");
		}
		server.stop();
		assertThat(server.isRunning()).isFalse();
		server.start();
		try (StatefulRedisConnection<String, String> connection = server.connect()) {
			assertThat(connection.sync().get("survivor")).isEqualTo("yes");
		}
	}

}
