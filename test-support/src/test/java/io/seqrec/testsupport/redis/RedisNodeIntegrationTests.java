package io.seqrec.testsupport.redis;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A node's start and stop: it answers once started, it is gone once stopped (even when it
 * cannot answer {@code SHUTDOWN}), and it restarts with its data.
 */
@Timeout(120)
class RedisNodeIntegrationTests {

	private static final String HOST = "127.0.0.1";

	@TempDir
	Path dir;

	private final int port = EmbeddedRedisCluster.freePort();

	private RedisNode node;

	@AfterEach
	void stop() {
		if (this.node != null) {
			this.node.killNow();
		}
	}

	private RedisNode node() {
		this.node = new RedisNode(HOST, this.port, this.dir, List.of("appendonly yes", "appendfsync always"));
		return this.node;
	}

	private String call(Function<RedisCommands<String, String>, String> command) {
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost(HOST).withPort(this.port).withTimeout(Duration.ofSeconds(5)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	@Test
	void aStartedNodeAnswersAndAStoppedOneKeepsItsData() {
		RedisNode node = node();
		node.start();
		assertThat(node.isRunning()).isTrue();
		assertThat(call((redis) -> redis.set("key", "value"))).isEqualTo("OK");
		node.stop();
		assertThat(node.isRunning()).isFalse();
		assertThatThrownBy(() -> call(RedisCommands::ping)).hasMessageContaining("Unable to connect");
		node.start();
		assertThat(call((redis) -> redis.get("key"))).isEqualTo("value");
		node.stop();
		assertThat(node.isRunning()).isFalse();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aNodeThatCannotAnswerIsKilledRatherThanWaitedFor() throws IOException, InterruptedException {
		RedisNode node = node();
		node.start();
		// a stopped (SIGSTOP) process neither answers SHUTDOWN nor acts on SIGTERM
		Process suspend = new ProcessBuilder("kill", "-STOP", Long.toString(node.pid())).start();
		assertThat(suspend.waitFor()).isZero();
		node.stop();
		assertThat(node.isRunning()).isFalse();
	}

	@Test
	void startingANodeThatCannotRunFailsWithItsOutput() {
		this.node = new RedisNode(HOST, this.port, this.dir, List.of("no-such-directive yes"));
		assertThatThrownBy(this.node::start).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("exited")
			.hasMessageContaining("no-such-directive");
	}

}
