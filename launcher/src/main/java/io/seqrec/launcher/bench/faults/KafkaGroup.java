package io.seqrec.launcher.bench.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

import io.seqrec.contract.Topics;

/**
 * The ingest service's consumer group as the bench sees it through Kafka's admin API: it
 * starts at the end of the interaction topic (so that an external Kafka's older records
 * are not replayed), and its lag tells when everything sent was consumed and committed.
 */
final class KafkaGroup implements AutoCloseable {

	private final Admin admin;

	private final String group;

	private KafkaGroup(Admin admin, String group) {
		this.admin = admin;
		this.group = group;
	}

	/**
	 * Creates the topics if they are missing and sets a new group's offsets to the end of
	 * the interaction topic.
	 * @param bootstrap the bootstrap servers
	 * @param group the consumer group the ingest service will use
	 * @return the group
	 * @throws Exception if Kafka cannot be reached
	 */
	static KafkaGroup atEnd(String bootstrap, String group) throws Exception {
		Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				5_000));
		try {
			for (String topic : List.of(Topics.INTERACTIONS, Topics.INTERACTIONS_DLT)) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw ex;
					}
				}
			}
			KafkaGroup kafkaGroup = new KafkaGroup(admin, group);
			Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
			kafkaGroup.endOffsets(Topics.INTERACTIONS)
				.forEach((partition, offset) -> start.put(partition, new OffsetAndMetadata(offset)));
			admin.alterConsumerGroupOffsets(group, start).all().get(30, TimeUnit.SECONDS);
			return kafkaGroup;
		}
		catch (Exception ex) {
			admin.close();
			throw ex;
		}
	}

	/**
	 * The end offsets of a topic's partitions.
	 * @param topic the topic
	 * @return offset by partition
	 * @throws Exception if Kafka does not answer
	 */
	Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
		TopicDescription description = this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get(30, TimeUnit.SECONDS)
			.get(topic);
		Map<TopicPartition, OffsetSpec> request = new HashMap<>();
		description.partitions()
			.forEach((partition) -> request.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
		Map<TopicPartition, Long> ends = new HashMap<>();
		for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> entry : this.admin.listOffsets(request)
			.all()
			.get(30, TimeUnit.SECONDS)
			.entrySet()) {
			ends.put(entry.getKey(), entry.getValue().offset());
		}
		return ends;
	}

	/**
	 * Records of the interaction topic not yet consumed and committed by the group.
	 * @return the lag, or -1 while Kafka does not answer
	 */
	long lag() {
		try {
			Map<TopicPartition, Long> ends = endOffsets(Topics.INTERACTIONS);
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			long lag = 0;
			for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
				OffsetAndMetadata offset = committed.get(end.getKey());
				lag += end.getValue() - ((offset != null) ? offset.offset() : 0);
			}
			return lag;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return -1;
		}
	}

	/**
	 * Waits until the lag is zero on two readings a second apart.
	 * @param timeoutSeconds the longest wait
	 * @throws InterruptedException if interrupted
	 */
	void awaitCaughtUp(long timeoutSeconds) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
		int zeros = 0;
		while (zeros < 2) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the ingest service did not catch up within " + timeoutSeconds + " s (lag " + lag() + ")");
			}
			zeros = (lag() == 0) ? zeros + 1 : 0;
			TimeUnit.MILLISECONDS.sleep(500);
		}
	}

	String group() {
		return this.group;
	}

	@Override
	public void close() {
		this.admin.close();
	}

}
