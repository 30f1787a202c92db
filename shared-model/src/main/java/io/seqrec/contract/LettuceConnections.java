package io.seqrec.contract;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.codec.StringCodec;

/**
 * Opens string connections on a Lettuce client whether it is standalone or a cluster, and
 * gives their asynchronous commands through the interface both share.
 */
public final class LettuceConnections {

	private LettuceConnections() {
	}

	/**
	 * Opens a connection.
	 * @param client a {@link RedisClient} or {@link RedisClusterClient}
	 * @return a new connection (close it)
	 */
	public static StatefulConnection<String, String> connect(AbstractRedisClient client) {
		if (client instanceof RedisClusterClient cluster) {
			return cluster.connect(StringCodec.UTF8);
		}
		if (client instanceof RedisClient standalone) {
			return standalone.connect(StringCodec.UTF8);
		}
		throw new IllegalArgumentException("unsupported Redis client " + client.getClass().getName());
	}

	/**
	 * The asynchronous commands of a connection.
	 * @param connection a connection from {@link #connect}
	 * @return its commands
	 */
	public static RedisClusterAsyncCommands<String, String> async(StatefulConnection<String, String> connection) {
		if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
			return cluster.async();
		}
		if (connection instanceof StatefulRedisConnection<String, String> standalone) {
			return standalone.async();
		}
		throw new IllegalArgumentException("unsupported connection " + connection.getClass().getName());
	}

}
