package io.seqrec.launcher;

import java.util.Map;

import kafka.server.BrokerServer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node Kafka cluster in KRaft mode, in this process: the real broker code, from
 * spring-kafka-test. Its broker can be stopped and started again (on a fixed port, its
 * clients find it again).
 */
public final class EmbeddedKafka implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafka(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Starts a broker.
	 * @param port the listener port, or 0 for a free one
	 * @param partitions partitions of the topics created here
	 * @param topics topics to create
	 * @return the running broker
	 */
	public static EmbeddedKafka start(int port, int partitions, String... topics) {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, partitions, topics);
		if (port > 0) {
			broker.kafkaPorts(port);
		}
		broker.brokerProperties(Map.of("log.retention.hours", "168", "num.network.threads", "2", "num.io.threads", "2",
				"auto.create.topics.enable", "true"));
		broker.afterPropertiesSet();
		return new EmbeddedKafka(broker);
	}

	/**
	 * The bootstrap servers.
	 * @return {@code host:port}
	 */
	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * Stops the broker as a crash or a maintenance restart would, keeping its log
	 * directories; the KRaft controller keeps running. Clients lose the broker until
	 * {@link #startBroker()}.
	 */
	public void stopBroker() {
		this.broker.getCluster().brokers().values().forEach(BrokerServer::shutdown);
	}

	/**
	 * Starts the stopped broker again, on the same port and the same data.
	 */
	public void startBroker() {
		this.broker.getCluster().brokers().values().forEach(BrokerServer::startup);
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
