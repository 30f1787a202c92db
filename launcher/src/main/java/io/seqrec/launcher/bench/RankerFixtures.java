package io.seqrec.launcher.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelArtifact;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigRequest;
import io.seqrec.contract.RedisKeys;
import io.seqrec.data.Vocabulary;
import io.seqrec.model.ModelContext;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.SequentialRecommender;

/**
 * What a ranker benchmark needs before it sends a request: users' sequences in Redis in
 * the contract's layout, model artifacts (untrained weights, a catalogue of
 * {@code item-<i>}) in a model store, published as the trainer's registry publishes them,
 * and a ranker that reports ready.
 */
public final class RankerFixtures {

	private RankerFixtures() {
	}

	/**
	 * Writes users' sequences with random items, one event a minute.
	 * @param redisUrl the Redis URL
	 * @param userPrefix the users are {@code <prefix><i>}
	 * @param users how many users
	 * @param events events per user
	 * @param items catalogue size
	 * @param seed the random seed
	 * @throws Exception if Redis fails
	 */
	public static void writeSequences(String redisUrl, String userPrefix, int users, int events, int items, long seed)
			throws Exception {
		SplittableRandom random = new SplittableRandom(seed);
		try (RedisClient client = RedisClient.create(redisUrl);
				StatefulRedisConnection<String, String> connection = client.connect(StringCodec.UTF8)) {
			RedisAsyncCommands<String, String> redis = connection.async();
			connection.setAutoFlushCommands(false);
			List<RedisFuture<Long>> replies = new ArrayList<>();
			for (int u = 0; u < users; u++) {
				String key = RedisKeys.sequence(userPrefix + u);
				for (int t = 0; t < events; t++) {
					replies.add(redis.zadd(key, 1_700_000_000_000L + t * 60_000L,
							RedisKeys.member("e" + u + "-" + t, "item-" + random.nextInt(items))));
				}
				if (replies.size() >= 5_000) {
					await(connection, replies);
				}
			}
			await(connection, replies);
		}
	}

	private static void await(StatefulRedisConnection<String, String> connection, List<RedisFuture<Long>> replies)
			throws Exception {
		connection.flushCommands();
		for (RedisFuture<Long> reply : replies) {
			reply.get(30, TimeUnit.SECONDS);
		}
		replies.clear();
	}

	/**
	 * An untrained model's artifact in the store's staging area.
	 *
	 * @param directory the staged artifact directory, for {@link #publish}
	 * @param summary the model and its size, for a benchmark's output
	 */
	public record Staged(Path directory, String summary) {
	}

	/**
	 * Builds an untrained model over {@code item-0 ... item-<items-1>} and writes its
	 * artifact into the store's staging area.
	 * @param store the model store
	 * @param name the registry name
	 * @param modelName the registered model (SASRec, BERT4Rec, ...)
	 * @param items catalogue size
	 * @param modelConfig hyper-parameters other than the defaults
	 * @return the staged artifact
	 */
	public static Staged stage(FileSystemModelStore store, String name, String modelName, int items,
			Map<String, String> modelConfig) {
		Config config = ModelRegistry
			.loadConfig(new ConfigRequest(modelName, "bench", List.of(), Map.of(), Map.copyOf(modelConfig)));
		List<String> tokens = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			tokens.add("item-" + i);
		}
		Vocabulary vocabulary = Vocabulary.of(tokens);
		long[] popularity = new long[vocabulary.size()];
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 1; i < popularity.length; i++) {
			popularity[i] = random.nextInt(1000);
		}
		int maxLength = config.getInt("MAX_ITEM_LIST_LENGTH");
		SequentialRecommender network = ModelRegistry.create(config,
				new ModelContext(vocabulary.size(), maxLength, null));
		Path staging = store.stagingDirectory(name).resolve("artifact");
		try (Model model = Model.newInstance(network.modelName(), Device.cpu())) {
			model.setBlock(network);
			network.initialize(model.getNDManager(), DataType.FLOAT32, network.initializationShapes());
			ModelArtifact.write(staging, model, config, vocabulary, popularity, Map.of("bench", true));
		}
		Map<String, Object> sizes = network.hyperParameters();
		String size = sizes.containsKey("hidden_size")
				? "hidden " + sizes.get("hidden_size") + ", " + sizes.get("n_layers") + " layers, " : "";
		return new Staged(staging, network.modelName() + " (" + size + "L=" + maxLength + ")");
	}

	/**
	 * Publishes a staged artifact as an accepted version and makes it live, as the
	 * trainer's registry does; announcing it is the caller's part.
	 * @param store the model store
	 * @param name the registry name
	 * @param version the version
	 * @param staged the staged artifact directory
	 * @return the stored version, with its location and manifest checksum
	 */
	public static ModelVersion publish(FileSystemModelStore store, String name, String version, Path staged) {
		String checksum = Manifest.FileEntry.of(staged.resolve(Manifest.FILE_NAME)).sha256();
		ModelVersion stored = store.publish(name, version, staged, new ModelVersion(name, version, "",
				ModelVersion.Status.ACCEPTED, Map.of(), checksum, Instant.now().toString(), null));
		store.setLive(name, version, false);
		return stored;
	}

	/**
	 * Waits until a service's readiness probe answers 200.
	 * @param port the service's port
	 * @throws Exception if it does not within 2 minutes
	 */
	public static void awaitReady(int port) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
			.build();
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (true) {
			try {
				if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the service on port " + port + " was not ready within 2 minutes");
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
	}

}
