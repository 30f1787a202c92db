package io.seqrec.testsupport.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/**
 * One {@code redis-server} process (the binary shipped in the embedded-redis jar) with
 * its own configuration and data directory, whose start and stop are bounded in time.
 * <p>
 * The process is owned here rather than by embedded-redis's {@code RedisServer}, whose
 * {@code stop()} sends SIGTERM and then waits for the process without a limit: a node
 * that ignores the signal (Redis does while it writes its first append-only file after a
 * full sync) would hang the caller, and with it the build. Here a stop asks with
 * {@code SHUTDOWN NOSAVE}, then escalates to SIGTERM and SIGKILL, each after a bounded
 * wait. With {@code appendfsync always}, even a killed node keeps every acknowledged
 * write.
 */
final class RedisNode {

	private static final Logger logger = LoggerFactory.getLogger(RedisNode.class);

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration REFUSAL_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

	private static final int OUTPUT_LINES_KEPT = 20;

	private static String executable;

	private final String host;

	private final int port;

	private final Path config;

	private final Deque<String> output = new ArrayDeque<>();

	private Process process;

	/**
	 * Writes the node's configuration; nothing runs until {@link #start}.
	 * @param host the address to bind
	 * @param port the client port
	 * @param dir the node's own directory (configuration and data)
	 * @param settings further {@code redis.conf} lines
	 */
	RedisNode(String host, int port, Path dir, List<String> settings) {
		this.host = host;
		this.port = port;
		this.config = dir.resolve("redis.conf");
		StringBuilder conf = new StringBuilder();
		conf.append("port ").append(port).append('\n');
		conf.append("bind ").append(host).append('\n');
		conf.append("dir ").append(dir).append('\n');
		settings.forEach((line) -> conf.append(line).append('\n'));
		try {
			Files.writeString(this.config, conf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + this.config, ex);
		}
	}

	synchronized long pid() {
		return this.process.pid();
	}

	synchronized boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/**
	 * Starts the process and waits until it answers {@code PING}.
	 * @throws IllegalStateException if it exits or does not answer within a minute
	 */
	synchronized void start() {
		if (isRunning()) {
			return;
		}
		try {
			this.process = new ProcessBuilder(executable(), this.config.toString()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start redis-server on port " + this.port, ex);
		}
		drain(this.process);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!answers()) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("redis-server on port " + this.port + " exited with "
						+ this.process.exitValue() + "; last output: " + lastOutput());
			}
			if (System.nanoTime() > deadline) {
				kill();
				throw new IllegalStateException("redis-server on port " + this.port + " did not answer within "
						+ START_TIMEOUT + "; last output: " + lastOutput());
			}
			pause(50);
		}
	}

	/**
	 * Stops the process: {@code SHUTDOWN NOSAVE} (asked again while the node refuses, for
	 * at most a minute), then SIGTERM and SIGKILL if it is still there ten seconds after
	 * each. Returns once the process is gone.
	 */
	synchronized void stop() {
		if (!isRunning()) {
			return;
		}
		long deadline = System.nanoTime() + REFUSAL_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && this.process.isAlive() && shutdownRefused()) {
			pause(200);
		}
		if (exited()) {
			return;
		}
		logger.warn("Redis node {} is still running after SHUTDOWN; sending SIGTERM", this.port);
		this.process.destroy();
		if (exited()) {
			return;
		}
		kill();
	}

	private static synchronized String executable() throws IOException {
		if (executable == null) {
			executable = ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
		}
		return executable;
	}

	private void kill() {
		logger.warn("Redis node {} is still running; killing it", this.port);
		this.process.destroyForcibly();
		if (!exited()) {
			logger.error("Redis node {} (pid {}) survived SIGKILL for {}", this.port, this.process.pid(), EXIT_WAIT);
		}
	}

	/** For the JVM's exit: kills the process without waiting. */
	synchronized void killNow() {
		if (isRunning()) {
			this.process.destroyForcibly();
		}
	}

	private boolean exited() {
		try {
			return this.process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while stopping Redis node " + this.port, ex);
		}
	}

	private boolean answers() {
		RedisClient client = client(Duration.ofSeconds(2));
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			return "PONG".equals(connection.sync().ping());
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private boolean shutdownRefused() {
		RedisClient client = client(Duration.ofSeconds(5));
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			// Lettuce sends SHUTDOWN without reading a reply; dispatching it reads the
			// refusal, if any (on success the node closes the connection)
			connection.sync()
				.dispatch(CommandType.SHUTDOWN, new StatusOutput<>(StringCodec.UTF8),
						new CommandArgs<>(StringCodec.UTF8).add("NOSAVE"));
			return false;
		}
		catch (RedisCommandExecutionException ex) {
			logger.info("Redis node {} refuses to shut down yet: {}", this.port, ex.getMessage());
			return true;
		}
		catch (RuntimeException ex) {
			// the connection closed as the node went away, or it was gone already
			return false;
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private RedisClient client(Duration timeout) {
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost(this.host).withPort(this.port).withTimeout(timeout).build());
		// fail at once when the node closes the connection, rather than reconnect
		client.setOptions(ClientOptions.builder().autoReconnect(false).build());
		return client;
	}

	private void drain(Process started) {
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					logger.trace("{}: {}", this.port, line);
					synchronized (this.output) {
						if (this.output.size() == OUTPUT_LINES_KEPT) {
							this.output.removeFirst();
						}
						this.output.addLast(line);
					}
				}
			}
			catch (IOException ex) {
				logger.debug("stopped reading Redis node {}'s output: {}", this.port, ex.getMessage());
			}
		}, "redis-node-" + this.port + "-output");
		// a full pipe would block the node (and its shutdown)
		reader.setDaemon(true);
		reader.start();
	}

	private String lastOutput() {
		synchronized (this.output) {
			return String.join(" | ", this.output);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for Redis", ex);
		}
	}

}
