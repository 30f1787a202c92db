package io.seqrec.testsupport.redis;

import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisAdvancedClusterCommands;
import io.lettuce.core.codec.StringCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test cluster is a real one: keys spread over three masters, and a shard's data
 * survives its master failing over to the replica.
 */
@Timeout(180)
class EmbeddedRedisClusterIntegrationTests {

	@Test
	void keysSpreadOverTheShardsAndSurviveAFailover() {
		try (EmbeddedRedisCluster cluster = EmbeddedRedisCluster.start(3, 1)) {
			RedisClusterClient client = cluster.client();
			try (StatefulRedisClusterConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
				RedisAdvancedClusterCommands<String, String> redis = connection.sync();
				for (int i = 0; i < 30; i++) {
					redis.set("key-" + i, "value-" + i);
				}
				assertThat(java.util.stream.IntStream.range(0, 30).map((i) -> cluster.masterOf("key-" + i)).distinct())
					.hasSize(3);
				int old = cluster.failOver("key-0");
				assertThat(cluster.masterOf("key-0")).isNotEqualTo(old);
				client.refreshPartitions();
				assertThat(redis.get("key-0")).isEqualTo("value-0");
				redis.set("key-0", "after");
				cluster.restart(old);
				assertThat(redis.get("key-0")).isEqualTo("after");
			}
			finally {
				client.shutdown();
			}
		}
	}

}
