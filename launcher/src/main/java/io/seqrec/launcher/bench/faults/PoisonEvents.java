package io.seqrec.launcher.bench.faults;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ConfigurableApplicationContext;

import io.seqrec.contract.Topics;
import io.seqrec.launcher.SyntheticEvents;

/**
 * Scenario 6: invalid records of twelve kinds mixed at random into valid events. Every
 * invalid record must reach the dead-letter topic with its reason, and every valid event
 * must be stored.
 */
final class PoisonEvents {

	/** Names a poison record, so that it can be found in the dead-letter topic. */
	static final String ID_HEADER = "seqrec-faults-poison";

	/** The header in which the ingest service gives the reason. */
	static final String REASON_HEADER = "seqrec-dlt-reason";

	private static final String[] KINDS = { "not JSON", "truncated JSON", "a JSON array", "no eventId", "blank userId",
			"itemId of 300 characters", "timestamp a day ahead", "timestamp not a time", "userId an object",
			"empty value", "tombstone", "invalid UTF-8" };

	private final FaultsBenchmark.Options options;

	private final PrintWriter out;

	PoisonEvents(FaultsBenchmark.Options options, PrintWriter out) {
		this.options = options;
		this.out = out;
	}

	Outcome run() throws Exception {
		long valid = this.options.poisonValid();
		long invalid = this.options.poisonInvalid();
		say("6. poison events: %,d invalid records (%d kinds) among %,d valid events", invalid, KINDS.length, valid);
		String prefix = this.options.runId() + "-poison-";
		ExpectedSequences expected = new ExpectedSequences();
		Set<String> poisonSent = ConcurrentHashMap.newKeySet();
		try (Infrastructure servers = Infrastructure.start(this.options, this.out);
				KafkaGroup group = KafkaGroup.atEnd(servers.bootstrapServers(), prefix + "ingest");
				EventProducer producer = new EventProducer(servers.bootstrapServers(), expected)) {
			Map<TopicPartition, Long> deadBefore = group.endOffsets(Topics.INTERACTIONS_DLT);
			long counterBefore = Math.max(0, servers.ingestedEvents());
			ConfigurableApplicationContext ingest = Ingest.start(servers, group.group());
			try {
				SyntheticEvents events = new SyntheticEvents(this.options.users(), this.options.items(), 0.01, 0.01,
						this.options.seed(), this.options.eventStart(), prefix);
				SplittableRandom random = new SplittableRandom(this.options.seed());
				long poisonLeft = invalid;
				long start = System.nanoTime();
				for (long left = valid + invalid; left > 0; left--) {
					if (random.nextLong(left) < poisonLeft) {
						String id = prefix + poisonLeft;
						int kind = (int) (poisonLeft % KINDS.length);
						producer.sendRaw(prefix + "user-" + random.nextInt(this.options.users()),
								poison(kind, prefix + "p-" + poisonLeft, prefix), ID_HEADER, kind + "/" + id,
								() -> poisonSent.add(id));
						poisonLeft--;
					}
					else {
						producer.send(events.next());
					}
				}
				producer.flush();
				group.awaitCaughtUp(600);
				say("  sent and consumed in %.1f s; %,d valid sends and %,d invalid acknowledged, %,d failed",
						(System.nanoTime() - start) / 1e9, expected.acknowledgedCount(), poisonSent.size(),
						producer.failed());
			}
			finally {
				ingest.close();
			}
			DeadLetters dead = readDeadLetters(servers.bootstrapServers(), deadBefore, poisonSent);
			ExpectedSequences.Comparison comparison = expected.compare(servers.redisUrl(), Ingest.MAX_LENGTH,
					servers.ingestedEvents() - counterBefore);
			comparison.print(this.out);
			long missing = poisonSent.size() - dead.found().size();
			say("  dead-letter topic: %,d of %,d invalid records, %,d with a reason, %,d twice, %,d other records",
					dead.found().size(), poisonSent.size(), dead.withReason(), dead.twice(), dead.others());
			dead.reasons()
				.forEach((kind, reason) -> say("    %-26s %s", KINDS[kind], reason.lines().findFirst().orElse("")));
			return new Outcome("poison events", String.format(Locale.ROOT, "%,d valid + %,d invalid", valid, invalid),
					KINDS.length + " kinds of invalid records", comparison.lost() + missing,
					comparison.duplicated() + dead.twice(), comparison.orderErrors(), 0, 0, 0,
					String.format(Locale.ROOT, "%,d of %,d in the DLT with a reason", dead.withReason(),
							poisonSent.size()),
					null);
		}
	}

	/**
	 * What the dead-letter topic holds.
	 *
	 * @param found ids of the poison records found
	 * @param withReason those with a non-blank reason header
	 * @param twice records found more than once
	 * @param others records that are not this run's poison
	 * @param reasons one reason per kind
	 */
	private record DeadLetters(Set<String> found, long withReason, long twice, long others,
			Map<Integer, String> reasons) {
	}

	private DeadLetters readDeadLetters(String bootstrap, Map<TopicPartition, Long> from, Set<String> sent) {
		Set<String> found = new HashSet<>();
		Map<Integer, String> reasons = new TreeMap<>();
		long withReason = 0;
		long twice = 0;
		long others = 0;
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map
			.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
			consumer.assign(List.copyOf(from.keySet()));
			from.forEach(consumer::seek);
			long quietSince = System.nanoTime();
			while (found.size() < sent.size() && System.nanoTime() - quietSince < TimeUnit.SECONDS.toNanos(30)) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					quietSince = System.nanoTime();
					String tag = header(record, ID_HEADER);
					if (tag == null || !sent.contains(tag.substring(tag.indexOf('/') + 1))) {
						others++;
						continue;
					}
					if (!found.add(tag.substring(tag.indexOf('/') + 1))) {
						twice++;
					}
					String reason = header(record, REASON_HEADER);
					if (reason != null && !reason.isBlank()) {
						withReason++;
						reasons.putIfAbsent(Integer.parseInt(tag.substring(0, tag.indexOf('/'))), reason);
					}
				}
			}
		}
		return new DeadLetters(found, withReason, twice, others, reasons);
	}

	private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private static byte @Nullable [] poison(int kind, String eventId, String prefix) {
		long now = System.currentTimeMillis();
		String user = prefix + "user-1";
		String json = switch (kind) {
			case 0 -> "this is not JSON";
			case 1 -> "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + user;
			case 2 -> "[\"" + eventId + "\",\"" + user + "\"]";
			case 3 -> "{\"userId\":\"" + user + "\",\"itemId\":\"item-1\",\"timestamp\":" + now + "}";
			case 4 ->
				"{\"eventId\":\"" + eventId + "\",\"userId\":\"  \",\"itemId\":\"item-1\",\"timestamp\":" + now + "}";
			case 5 -> "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + user + "\",\"itemId\":\"" + "i".repeat(300)
					+ "\",\"timestamp\":" + now + "}";
			case 6 -> "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + user
					+ "\",\"itemId\":\"item-1\",\"timestamp\":" + (now + 86_400_000L) + "}";
			case 7 -> "{\"eventId\":\"" + eventId + "\",\"userId\":\"" + user
					+ "\",\"itemId\":\"item-1\",\"timestamp\":\"yesterday\"}";
			case 8 -> "{\"eventId\":\"" + eventId + "\",\"userId\":{\"id\":1},\"itemId\":\"item-1\",\"timestamp\":"
					+ now + "}";
			case 9 -> "";
			case 10 -> null;
			default -> null;
		};
		if (kind == 11) {
			byte[] start = ("{\"eventId\":\"" + eventId + "\",\"userId\":\"").getBytes(StandardCharsets.UTF_8);
			byte[] end = ("\",\"itemId\":\"item-1\",\"timestamp\":" + now + "}").getBytes(StandardCharsets.UTF_8);
			byte[] value = new byte[start.length + 2 + end.length];
			System.arraycopy(start, 0, value, 0, start.length);
			value[start.length] = (byte) 0xc3;
			value[start.length + 1] = 0x28;
			System.arraycopy(end, 0, value, start.length + 2, end.length);
			return value;
		}
		return (json != null) ? json.getBytes(StandardCharsets.UTF_8) : null;
	}

	private void say(String format, Object... args) {
		this.out.printf(Locale.ROOT, format + "%n", args);
		this.out.flush();
	}

}
