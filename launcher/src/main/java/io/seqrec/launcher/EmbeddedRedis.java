package io.seqrec.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;

/**
 * A Redis server started from the binaries that ship in the embedded-redis jar, on a free
 * or given port of the loopback interface; without persistence, or with an append-only
 * file, so that it can be stopped and started again on the same data.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final int port;

	private final @Nullable Path dataDirectory;

	private @Nullable RedisServer server;

	private EmbeddedRedis(int port, @Nullable Path dataDirectory) {
		this.port = port;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts a server without persistence.
	 * @param port the port, or 0 for a free one
	 * @return the running server
	 */
	public static EmbeddedRedis start(int port) {
		EmbeddedRedis redis = new EmbeddedRedis((port > 0) ? port : freePort(), null);
		redis.restart();
		return redis;
	}

	/**
	 * Starts a server that writes every change to an append-only file, synced to disk
	 * before it answers, in the given directory.
	 * @param port the port, or 0 for a free one
	 * @param dataDirectory where the append-only file lives
	 * @return the running server
	 */
	public static EmbeddedRedis startPersistent(int port, Path dataDirectory) {
		EmbeddedRedis redis = new EmbeddedRedis((port > 0) ? port : freePort(), dataDirectory.toAbsolutePath());
		redis.restart();
		return redis;
	}

	/**
	 * Starts the server again after {@link #stop()}, on the same port (and the same data,
	 * if it persists).
	 */
	public synchronized void restart() {
		if (this.server != null) {
			return;
		}
		try {
			var builder = RedisServer.newRedisServer().port(this.port).bind("127.0.0.1").setting("save \"\"");
			if (this.dataDirectory != null) {
				builder.setting("dir \"" + this.dataDirectory + "\"")
					.setting("appendonly yes")
					.setting("appendfsync always");
			}
			else {
				builder.setting("appendonly no");
			}
			RedisServer started = builder.build();
			launch(started);
			this.server = started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start the embedded Redis server on port " + this.port, ex);
		}
	}

	/**
	 * Starts a server's process. Started while the JVM shuts down, the process runs but
	 * cannot register its shutdown hook, and would outlive this one: it is stopped again.
	 */
	private static void launch(RedisServer server) throws IOException {
		Set<Long> before = redisChildren();
		try {
			server.start();
		}
		catch (RuntimeException ex) {
			ProcessHandle.current()
				.children()
				.filter((child) -> isRedis(child) && !before.contains(child.pid()))
				.forEach(ProcessHandle::destroy);
			throw ex;
		}
	}

	private static Set<Long> redisChildren() {
		return ProcessHandle.current()
			.children()
			.filter(EmbeddedRedis::isRedis)
			.map(ProcessHandle::pid)
			.collect(Collectors.toSet());
	}

	private static boolean isRedis(ProcessHandle process) {
		return process.info().command().map((command) -> command.contains("redis-server")).orElse(false);
	}

	/**
	 * Stops the server's process (Redis writes what it holds to its append-only file
	 * first); {@link #restart()} starts it again.
	 */
	public synchronized void stop() {
		RedisServer running = this.server;
		this.server = null;
		if (running != null) {
			try {
				running.stop();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
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
	 * The server's port.
	 * @return the port
	 */
	public int port() {
		return this.port;
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
		stop();
	}

}
