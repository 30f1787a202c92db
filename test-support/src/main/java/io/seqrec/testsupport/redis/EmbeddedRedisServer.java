package io.seqrec.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * The test JVM's Redis server: the {@code redis-server} binary shipped in the
 * embedded-redis jar, started on first use on a free port of the loopback interface and
 * stopped when the JVM ends. Every test class of {@link EmbeddedRedis} starts from an
 * empty database.
 *
 * <p>
 * The server writes an append-only file (and no forked snapshots) to a directory of its
 * own, so a test may {@link #stop()} and {@link #start()} it (a Redis outage) without
 * losing data.
 */
public final class EmbeddedRedisServer {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRedisServer.class);

	private static final int ATTEMPTS = 5;

	private static @Nullable EmbeddedRedisServer shared;

	private final RedisServer server;

	private final int port;

	private final RedisClient client;

	private EmbeddedRedisServer(RedisServer server, int port) {
		this.server = server;
		this.port = port;
		this.client = RedisClient.create(url());
		Runtime.getRuntime().addShutdownHook(new Thread(this.client::shutdown, "embedded-redis-client-shutdown"));
	}

	/**
	 * The JVM's server, started on first call.
	 * @return the running server
	 */
	public static synchronized EmbeddedRedisServer shared() {
		if (shared == null) {
			shared = startNew();
		}
		return shared;
	}

	private static EmbeddedRedisServer startNew() {
		IOException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				int port;
				try (ServerSocket probe = new ServerSocket(0)) {
					port = probe.getLocalPort();
				}
				Path dir = Files.createTempDirectory("seqrec-test-redis");
				RedisServer server = RedisServer.newRedisServer()
					.port(port)
					.bind("127.0.0.1")
					.setting("dir " + dir)
					.setting("save \"\"")
					.setting("appendonly yes")
					.setting("appendfsync everysec")
					.soutListener((line) -> logger.debug("redis-server: {}", line))
					.serrListener((line) -> logger.warn("redis-server: {}", line))
					.build();
				server.start();
				return new EmbeddedRedisServer(server, port);
			}
			catch (IOException ex) {
				// the free port was taken in between: try another one
				last = ex;
			}
		}
		throw new UncheckedIOException("cannot start the embedded Redis server", last);
	}

	/**
	 * The server's port.
	 * @return a port chosen when the server first started
	 */
	public int port() {
		return this.port;
	}

	/**
	 * The server's URL, as {@code spring.data.redis.url} takes it.
	 * @return {@code redis://127.0.0.1:<port>}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * A new connection to the server; close it after use.
	 * @return a UTF-8 string connection
	 */
	public StatefulRedisConnection<String, String> connect() {
		return this.client.connect(StringCodec.UTF8);
	}

	/**
	 * A writer of the seqrec Redis layout on this server; close it after use.
	 * @return the writer
	 */
	public RedisContractWriter writer() {
		return new RedisContractWriter(connect());
	}

	/**
	 * Empties every database of the server.
	 */
	public void flushAll() {
		try (StatefulRedisConnection<String, String> connection = connect()) {
			connection.sync().flushall();
		}
	}

	/**
	 * Stops the server (its data is kept on disk); {@link #start()} brings it back on the
	 * same port.
	 */
	public synchronized void stop() {
		try {
			this.server.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server again after {@link #stop()}, with the data it had.
	 */
	public synchronized void start() {
		try {
			this.server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Starts the server if it is stopped, or restarts it if its process is gone (ended
	 * from outside this JVM), so that the next test class finds a server.
	 */
	public synchronized void ensureRunning() {
		if (this.server.isActive() && !answers()) {
			logger.warn("the embedded Redis server on port {} does not answer; restarting it", this.port);
			stop();
		}
		start();
	}

	private boolean answers() {
		try (StatefulRedisConnection<String, String> connection = connect()) {
			return "PONG".equals(connection.sync().ping());
		}
		catch (RedisException ex) {
			return false;
		}
	}

	/**
	 * Whether the server is running.
	 * @return false between {@link #stop()} and {@link #start()}
	 */
	public boolean isRunning() {
		return this.server.isActive();
	}

}
