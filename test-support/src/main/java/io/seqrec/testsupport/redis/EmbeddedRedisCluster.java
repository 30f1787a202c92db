package io.seqrec.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.ClusterPartitionParser;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Redis Cluster on the loopback interface: {@code redis-server} processes from the
 * embedded-redis jar ({@link RedisNode}: bounded starts and stops) with
 * {@code cluster-enabled}, each master's slots assigned evenly and each master followed
 * by its replicas. Nodes persist (append-only file and {@code nodes.conf} in their own
 * directory), so a stopped node restarts with its data and its place in the cluster. A
 * short node timeout (1 s) makes failovers quick.
 */
public final class EmbeddedRedisCluster implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedRedisCluster.class);

	private static final String HOST = "127.0.0.1";

	private static final int SLOTS = 16384;

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final Map<Integer, RedisNode> nodes;

	private final int masters;

	private EmbeddedRedisCluster(Map<Integer, RedisNode> nodes, int masters) {
		this.nodes = nodes;
		this.masters = masters;
		// a JVM that exits early (a failed or killed test run) leaves no node behind
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> nodes.values().forEach(RedisNode::killNow), "redis-cluster-reaper"));
	}

	/**
	 * Starts a cluster and waits until every node reports it healthy.
	 * @param masters the number of shards
	 * @param replicasPerMaster replicas of each shard
	 * @return the running cluster
	 */
	public static EmbeddedRedisCluster start(int masters, int replicasPerMaster) {
		Map<Integer, RedisNode> nodes = new LinkedHashMap<>();
		EmbeddedRedisCluster cluster = new EmbeddedRedisCluster(nodes, masters);
		try {
			Path root = Files.createTempDirectory("seqrec-redis-cluster");
			for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
				int port = freePort();
				Path dir = Files.createDirectories(root.resolve(Integer.toString(port)));
				RedisNode node = new RedisNode(HOST, port, dir,
						List.of("cluster-enabled yes", "cluster-config-file nodes.conf", "cluster-node-timeout 1000",
								"cluster-replica-validity-factor 0", "cluster-require-full-coverage no", "save \"\"",
								"appendonly yes", "appendfsync always"));
				nodes.put(port, node);
				node.start();
			}
			cluster.form(replicasPerMaster);
		}
		catch (IOException ex) {
			cluster.close();
			throw new UncheckedIOException("cannot start the Redis Cluster nodes", ex);
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	private void form(int replicasPerMaster) {
		List<Integer> ports = new ArrayList<>(this.nodes.keySet());
		int first = ports.get(0);
		for (int port : ports) {
			run(port, (redis) -> redis.clusterMeet(HOST, first));
		}
		for (int m = 0; m < this.masters; m++) {
			int from = m * SLOTS / this.masters;
			int to = (m + 1) * SLOTS / this.masters;
			int[] slots = new int[to - from];
			for (int s = from; s < to; s++) {
				slots[s - from] = s;
			}
			run(ports.get(m), (redis) -> redis.clusterAddSlots(slots));
		}
		waitFor("every node to know every other",
				() -> ports.stream().allMatch((port) -> partitions(port).size() == ports.size()));
		for (int r = 0; r < this.masters * replicasPerMaster; r++) {
			int master = ports.get(r % this.masters);
			String masterId = call(master, RedisCommands::clusterMyId);
			run(ports.get(this.masters + r), (redis) -> redis.clusterReplicate(masterId));
		}
		waitFor("the cluster to be healthy", this::healthy);
		logger.info("Redis Cluster up: {}", nodes());
	}

	private boolean healthy() {
		for (int port : running()) {
			if (!call(port, RedisCommands::clusterInfo).contains("cluster_state:ok")) {
				return false;
			}
			Partitions partitions = partitions(port);
			long masters = partitions.stream()
				.filter((node) -> node.is(RedisClusterNode.NodeFlag.UPSTREAM)
						&& !node.is(RedisClusterNode.NodeFlag.FAIL) && !node.getSlots().isEmpty())
				.count();
			if (masters != this.masters) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The nodes, as Spring Boot's {@code spring.data.redis.cluster.nodes} takes them.
	 * @return {@code 127.0.0.1:p1,127.0.0.1:p2,...}
	 */
	public String nodes() {
		return this.nodes.keySet().stream().map((port) -> HOST + ":" + port).collect(Collectors.joining(","));
	}

	/**
	 * A cluster client seeded with every node, following failovers (adaptive topology
	 * refresh).
	 * @return a new client (shut it down)
	 */
	public RedisClusterClient client() {
		RedisClusterClient client = RedisClusterClient
			.create(this.nodes.keySet().stream().map((port) -> RedisURI.create(HOST, port)).toList());
		client.setOptions(ClusterClientOptions.builder()
			.topologyRefreshOptions(ClusterTopologyRefreshOptions.builder().enableAllAdaptiveRefreshTriggers().build())
			.build());
		return client;
	}

	/**
	 * The port of the master that serves a key now.
	 * @param key the key
	 * @return the master's port
	 */
	public int masterOf(String key) {
		int slot = SlotHash.getSlot(key);
		for (int port : running()) {
			for (RedisClusterNode node : partitions(port)) {
				if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.is(RedisClusterNode.NodeFlag.FAIL)
						&& node.hasSlot(slot)) {
					return node.getUri().getPort();
				}
			}
		}
		throw new IllegalStateException("no master serves slot " + slot);
	}

	/**
	 * Stops the master serving a key and waits until one of its replicas has taken over
	 * and the cluster is healthy again.
	 * @param key a key of the shard to fail over
	 * @return the port of the stopped master (see {@link #restart})
	 */
	public int failOver(String key) {
		int master = masterOf(key);
		stopQuietly(master);
		logger.info("stopped master {}; waiting for a replica to take over", master);
		waitFor("a replica to take over from " + master, () -> {
			int now = masterOf(key);
			return now != master && healthy();
		});
		logger.info("{} fails over to {}", master, masterOf(key));
		return master;
	}

	/**
	 * Restarts a stopped node; a former master comes back as a replica of its successor.
	 * @param port the node's port
	 */
	public void restart(int port) {
		this.nodes.get(port).start();
		waitFor("node " + port + " to rejoin", this::healthy);
	}

	/** Stops every node (their data and cluster state stay on disk). */
	public void stopAll() {
		this.nodes.keySet().forEach(this::stopQuietly);
	}

	/** Starts every stopped node again and waits until the cluster is healthy. */
	public void startAll() {
		this.nodes.values().forEach(RedisNode::start);
		waitFor("the cluster to be healthy again", this::healthy);
	}

	private List<Integer> running() {
		return this.nodes.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().isRunning())
			.map(Map.Entry::getKey)
			.toList();
	}

	private Partitions partitions(int port) {
		String nodes = call(port, RedisCommands::clusterNodes);
		return ClusterPartitionParser.parse(nodes);
	}

	private static void run(int port, Consumer<RedisCommands<String, String>> command) {
		call(port, (redis) -> {
			command.accept(redis);
			return null;
		});
	}

	private static <T> T call(int port, Function<RedisCommands<String, String>, T> command) {
		RedisClient client = RedisClient
			.create(RedisURI.builder().withHost(HOST).withPort(port).withTimeout(Duration.ofSeconds(10)).build());
		try (StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			return command.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
		}
	}

	private static void waitFor(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			try {
				if (condition.getAsBoolean()) {
					return;
				}
			}
			catch (RuntimeException ex) {
				logger.debug("still waiting for {}: {}", what, ex.getMessage());
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("timed out after " + TIMEOUT + " waiting for " + what);
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for " + what, ex);
			}
		}
	}

	static int freePort() {
		// cluster bus ports are port + 10000: keep both in range
		while (true) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (port + 10000 <= 65535) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	private void stopQuietly(int port) {
		this.nodes.get(port).stop();
	}

	@Override
	public void close() {
		stopAll();
	}

	/**
	 * Shuts a client of the cluster down, then stops every node. Lettuce's cluster client
	 * can wait without end for connections it is refreshing to close, so its shutdown
	 * runs on a thread of its own for at most 20 seconds; the nodes stop either way (the
	 * JVM's exit ends what is left of the client).
	 * @param clientShutdown shuts the client down (for example a connection factory's
	 * {@code stop})
	 */
	public void closeAfter(Runnable clientShutdown) {
		Thread shutdown = new Thread(clientShutdown, "redis-cluster-client-shutdown");
		shutdown.setDaemon(true);
		shutdown.start();
		try {
			shutdown.join(Duration.ofSeconds(20).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		if (shutdown.isAlive()) {
			logger.warn("the cluster client did not shut down within 20 s; stopping the nodes anyway");
		}
		stopAll();
	}

}
