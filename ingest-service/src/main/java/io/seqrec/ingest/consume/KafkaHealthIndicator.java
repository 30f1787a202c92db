package io.seqrec.ingest.consume;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * Kafka's part of the service's health: the broker answers and the listener container
 * runs.
 */
@Component("kafka")
class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

	private final AdminClient admin;

	private final KafkaListenerEndpointRegistry registry;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry registry) {
		this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
		this.registry = registry;
	}

	@Override
	public Health health() {
		MessageListenerContainer container = this.registry.getListenerContainer(InteractionListener.ID);
		boolean listening = container != null && container.isRunning();
		try {
			DescribeClusterResult cluster = this.admin.describeCluster();
			int brokers = cluster.nodes().get(3, TimeUnit.SECONDS).size();
			Health.Builder builder = listening ? Health.up() : Health.down();
			return builder.withDetail("brokers", brokers).withDetail("listening", listening).build();
		}
		catch (Exception ex) {
			return Health.down(ex).withDetail("listening", listening).build();
		}
	}

	@Override
	public void destroy() {
		this.admin.close();
	}

}
