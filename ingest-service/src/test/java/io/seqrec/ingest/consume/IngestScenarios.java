package io.seqrec.ingest.consume;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

import io.lettuce.core.api.StatefulConnection;
import io.seqrec.contract.LettuceConnections;
import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceEntry;
import io.seqrec.contract.SequenceStore;
import io.seqrec.contract.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ingest scenarios, run against embedded servers and, where Docker exists, against
 * containers. Subclasses start the servers and say how to take Redis down and up again.
 * Every test uses its own user ids, so the tests share one application context.
 */
abstract class IngestScenarios {

	static final int MAX_LENGTH = 20;

	@Autowired
	private KafkaListenerEndpointRegistry registry;

	@Autowired
	private LettuceConnectionFactory connectionFactory;

	@Autowired
	private IngestMetrics metrics;

	private KafkaProducer<String, String> producer;

	private StatefulConnection<String, String> redis;

	private SequenceStore store;

	/**
	 * The sequences as the trainer and the ranker read them.
	 * @return the store on the test's own connection
	 */
	protected SequenceStore store() {
		return this.store;
	}

	protected abstract String bootstrapServers();

	protected abstract void stopRedis() throws Exception;

	protected abstract void startRedis() throws Exception;

	@BeforeEach
	void connect() {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new StringSerializer());
		// standalone or cluster, as the service is configured
		this.redis = LettuceConnections.connect(this.connectionFactory.getRequiredNativeClient());
		this.store = new RedisSequenceStore(LettuceConnections.async(this.redis), 100);
	}

	@AfterEach
	void disconnect() {
		this.producer.close();
		this.redis.close();
	}

	private static String json(String eventId, String userId, String itemId, Object timestamp) {
		String time = (timestamp instanceof String text) ? "\"" + text + "\"" : String.valueOf(timestamp);
		return "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + userId + "\",\"itemId\":\"" + itemId
				+ "\",\"timestamp\":" + time + ",\"type\":\"view\"}";
	}

	private void send(String userId, String value) {
		try {
			this.producer.send(new ProducerRecord<>(Topics.INTERACTIONS, userId, value)).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected void event(String user, String eventId, String item, long time) {
		send(user, json(eventId, user, item, time));
	}

	protected List<String> items(String user) {
		return this.store.read(user, 0).stream().map(SequenceEntry::itemId).toList();
	}

	protected static String user() {
		return "user-" + UUID.randomUUID();
	}

	@Test
	void duplicatesOutOfOrderAndLateEventsGiveTheExpectedSequences() {
		String user = user();
		event(user, "e1", "i1", 1_000);
		event(user, "e3", "i3", 3_000);
		event(user, "e2", "i2", 2_000); // out of order
		event(user, "e1", "i1", 1_000); // duplicate
		event(user, "e3", "other", 9_000); // same id, other payload: still a duplicate
		event(user, "e0", "i0", 500); // late: lands first
		String capped = user();
		for (int t = 1; t <= MAX_LENGTH + 5; t++) {
			event(capped, "c" + t, "item-" + t, 10_000 + t);
		}
		event(capped, "c-late", "too-old", 5_000); // older than every kept event: not
													// kept
		event(capped, "c-new", "newest", 99_999);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(items(user)).containsExactly("i0", "i1", "i2", "i3");
			assertThat(items(capped)).hasSize(MAX_LENGTH).endsWith("item-25", "newest").startsWith("item-7");
		});
		assertThat(this.store.read(user, 2)).extracting(SequenceEntry::itemId).containsExactly("i2", "i3");
		assertThat(this.store.read(user, 0)).extracting(SequenceEntry::epochMillis)
			.containsExactly(500L, 1_000L, 2_000L, 3_000L);
	}

	@Test
	void invalidRecordsGoToTheDeadLetterTopicWithTheirReasonAndGoodOnesAreStored() {
		String user = user();
		long now = System.currentTimeMillis();
		event(user, "g1", "good-1", now - 5_000);
		send(user, "{not json");
		send(user, "{\"eventId\":\"m1\",\"itemId\":\"x\",\"timestamp\":1}");
		event(user, "m2", "x".repeat(300), now);
		event(user, "m3", "future", now + Duration.ofDays(1).toMillis());
		send(user, json("g2", user, "good-2", Instant.ofEpochMilli(now - 1_000).toString()));
		send(user, "{\"eventId\":\"g3\",\"userId\":\"" + user + "\",\"itemId\":\"good-3\",\"timestamp\":" + now
				+ ",\"type\":\"teleport\",\"value\":4.5}");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(items(user)).containsExactly("good-1", "good-2", "good-3"));
		Map<String, String> reasons = deadLetters(user, 4);
		assertThat(reasons).containsKeys("{not json", "{\"eventId\":\"m1\",\"itemId\":\"x\",\"timestamp\":1}");
		assertThat(reasons.get("{\"eventId\":\"m1\",\"itemId\":\"x\",\"timestamp\":1}")).isEqualTo("userId is missing");
		assertThat(reasons.values()).contains("itemId is 300 characters long; the limit is 256");
		assertThat(reasons.values()).anySatisfy((reason) -> assertThat(reason).contains("in the future"));
		assertThat(reasons.get("{not json")).startsWith("invalid JSON: ");
	}

	@Test
	void manyInvalidRecordsInOneBatchAreDeadLetteredWithoutFetchingTheBatchAgain() {
		String user = user();
		long now = System.currentTimeMillis();
		MessageListenerContainer container = this.registry.getListenerContainer(InteractionListener.ID);
		container.stop();
		for (int i = 0; i < 100; i++) {
			event(user, "ok-" + i, "item-" + i, now - 100_000 + i);
			if (i % 2 == 0) {
				send(user, "{broken " + i);
			}
		}
		long batchesBefore = this.metrics.batchTimer().count();
		long storedBefore = this.store.ingestedEvents();
		container.start();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.store.ingestedEvents() - storedBefore).isEqualTo(100));
		Map<String, String> reasons = deadLetters(user, 50);
		assertThat(reasons.values()).allSatisfy((reason) -> assertThat(reason).startsWith("invalid JSON: "));
		assertThat(items(user)).endsWith("item-99");
		// 150 records at 50 a poll: a few batches, not one more fetch per invalid record
		assertThat(this.metrics.batchTimer().count() - batchesBefore).isLessThan(20);
	}

	private int partitionOf(String user) {
		return this.producer.partitionsFor(Topics.INTERACTIONS).size() > 0 ? org.apache.kafka.common.utils.Utils
			.toPositive(org.apache.kafka.common.utils.Utils.murmur2(user.getBytes(StandardCharsets.UTF_8)))
				% this.producer.partitionsFor(Topics.INTERACTIONS).size() : 0;
	}

	private Map<String, String> deadLetters(String user, int expected) {
		Map<String, String> reasons = new java.util.LinkedHashMap<>();
		try (Consumer<String, String> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.INTERACTIONS_DLT));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
				for (ConsumerRecord<String, String> record : records) {
					if (user.equals(record.key())) {
						Header reason = record.headers().lastHeader(KafkaConfiguration.REASON_HEADER);
						assertThat(record.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotNull();
						assertThat(record.partition()).isEqualTo(partitionOf(user));
						reasons.put(record.value(), new String(reason.value(), StandardCharsets.UTF_8));
					}
				}
				return reasons.size() >= expected;
			});
		}
		assertThat(reasons).hasSize(expected);
		return reasons;
	}

	@Test
	void stoppingAndRestartingTheListenerMidStreamLosesAndDuplicatesNothing() {
		List<String> users = new ArrayList<>();
		for (int u = 0; u < 10; u++) {
			users.add(user());
		}
		long before = this.store.ingestedEvents();
		for (int t = 0; t < 8; t++) {
			for (String user : users) {
				event(user, user + "-" + t, "item-" + t, 1_000 + t);
			}
		}
		MessageListenerContainer container = this.registry.getListenerContainer(InteractionListener.ID);
		container.stop();
		for (int t = 8; t < 16; t++) {
			for (String user : users) {
				event(user, user + "-" + t, "item-" + t, 1_000 + t);
			}
		}
		container.start();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(users).allSatisfy((user) -> assertThat(items(user)).hasSize(16)));
		assertThat(items(users.get(0)))
			.containsExactlyElementsOf(java.util.stream.IntStream.range(0, 16).mapToObj((t) -> "item-" + t).toList());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.store.ingestedEvents() - before).isEqualTo(160));
	}

	@Test
	void aRedisOutageLosesNothing() throws Exception {
		String user = user();
		for (int t = 0; t < 5; t++) {
			event(user, "before-" + t, "a-" + t, 1_000 + t);
		}
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(items(user)).hasSize(5));
		double failuresBefore = this.metrics.writeFailures();
		stopRedis();
		try {
			for (int t = 0; t < 10; t++) {
				event(user, "during-" + t, "b-" + t, 2_000 + t);
			}
			// the consumer keeps retrying the batch while Redis is away
			await().atMost(Duration.ofSeconds(30)).until(() -> this.metrics.writeFailures() >= failuresBefore + 2);
		}
		finally {
			startRedis();
		}
		await().atMost(Duration.ofSeconds(60))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(items(user)).hasSize(15));
		assertThat(items(user)).startsWith("a-0").endsWith("b-9");
	}

}
