package io.seqrec.ingest.store;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import io.seqrec.contract.LettuceConnections;

/**
 * A dedicated Lettuce connection (standalone or cluster) whose commands are sent in
 * explicit pipelines: queued without flushing, then flushed at once.
 */
final class RedisCommandsSession implements AutoCloseable {

	private final StatefulConnection<String, String> connection;

	private final RedisClusterAsyncCommands<String, String> commands;

	private RedisCommandsSession(StatefulConnection<String, String> connection,
			RedisClusterAsyncCommands<String, String> commands) {
		this.connection = connection;
		this.commands = commands;
		this.connection.setAutoFlushCommands(false);
	}

	static RedisCommandsSession open(AbstractRedisClient client) {
		StatefulConnection<String, String> connection = LettuceConnections.connect(client);
		return new RedisCommandsSession(connection, LettuceConnections.async(connection));
	}

	RedisClusterAsyncCommands<String, String> commands() {
		return this.commands;
	}

	void flush() {
		this.connection.flushCommands();
	}

	boolean isOpen() {
		return this.connection.isOpen();
	}

	@Override
	public void close() {
		this.connection.close();
	}

}
