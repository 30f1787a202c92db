package io.seqrec.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A Redis server started from the binaries that ship in the embedded-redis jar, on a free
 * or given port of the loopback interface.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a server without persistence.
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static EmbeddedRedis start(int port) {
		int chosen = (port > 0) ? port : freePort();
		try {
			RedisServer server = RedisServer.newRedisServer()
				.port(chosen)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			server.start();
			return new EmbeddedRedis(server, chosen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the embedded Redis server on port " + chosen, ex);
		}
	}

	/**
	 * A free TCP port on this machine.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The server's URL.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	@Override
	public void close() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
