package io.seqrec.ranker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import ai.djl.Device;

import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.config.Config;
import io.seqrec.config.ConfigLoader;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.InteractionTable;
import io.seqrec.run.Datasets;
import io.seqrec.run.Experiment;
import io.seqrec.train.TrainingListener;

/**
 * A tiny SASRec trained on a planted pattern: item {@code item-x} is always followed by
 * {@code item-(x+7 mod 41)} (one cycle through all 41 items, so the next item is never
 * among the last {@value #MAX_LENGTH} seen). Training happens once per JVM; the trained
 * artifact is copied into stores as any number of versions.
 */
final class PlantedModels {

	/** Catalog size. */
	static final int ITEMS = 41;

	/** {@code MAX_ITEM_LIST_LENGTH} of the model. */
	static final int MAX_LENGTH = 10;

	private static Path trained;

	private PlantedModels() {
	}

	/**
	 * The item that follows another in the planted pattern.
	 * @param item an item index
	 * @return the next index
	 */
	static int next(int item) {
		return (item + 7) % ITEMS;
	}

	/**
	 * The items of a planted sequence.
	 * @param start the first item
	 * @param length how many
	 * @return item ids, oldest first
	 */
	static List<String> sequence(int start, int length) {
		List<String> items = new ArrayList<>();
		int item = start;
		for (int t = 0; t < length; t++) {
			items.add("item-" + item);
			item = next(item);
		}
		return items;
	}

	private static synchronized Path trained() {
		if (trained == null) {
			List<String> users = new ArrayList<>();
			List<String> items = new ArrayList<>();
			int perUser = 14;
			int userCount = 150;
			double[] times = new double[userCount * perUser];
			for (int u = 0; u < userCount; u++) {
				List<String> sequence = sequence((u * 13) % ITEMS, perUser);
				for (int t = 0; t < perUser; t++) {
					users.add("train-" + u);
					items.add(sequence.get(t));
					times[u * perUser + t] = t;
				}
			}
			Config config = ConfigLoader.load(new ConfigRequest("SASRec", "planted", List.of(), Map.of(),
					Map.ofEntries(Map.entry("MAX_ITEM_LIST_LENGTH", Integer.toString(MAX_LENGTH)),
							Map.entry("hidden_size", "32"), Map.entry("inner_size", "64"), Map.entry("n_layers", "1"),
							Map.entry("hidden_dropout_prob", "0.1"), Map.entry("attn_dropout_prob", "0.1"),
							Map.entry("epochs", "12"), Map.entry("learning_rate", "0.01"),
							Map.entry("train_batch_size", "256"), Map.entry("train_mode", "all_positions"),
							Map.entry("stopping_step", "100"))));
			InteractionTable table = InteractionTable.of(users, items, times);
			try (Experiment experiment = Experiment.run(config, Datasets.prepare(config, table), Device.cpu(),
					TrainingListener.NONE)) {
				Path dir = Files.createTempDirectory("seqrec-planted").resolve("artifact");
				experiment.writeArtifact(dir);
				trained = dir;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return trained;
	}

	/**
	 * Copies the trained artifact into a store as a version, optionally corrupting its
	 * parameters, and makes it live (as the trainer does before announcing it).
	 * @param store the store
	 * @param version the version
	 * @param corrupt whether to flip a byte of {@code model-0000.params}
	 * @return the stored entry
	 */
	static ModelVersion publishLive(ModelStore store, String version, boolean corrupt) {
		Path staging = store.stagingDirectory("sasrec").resolve("artifact");
		try {
			copy(trained(), staging);
			if (corrupt) {
				Path params = staging.resolve("model-0000.params");
				byte[] bytes = Files.readAllBytes(params);
				bytes[bytes.length / 2] ^= 0x5a;
				Files.write(params, bytes);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String checksum = Manifest.FileEntry.of(staging.resolve(Manifest.FILE_NAME)).sha256();
		ModelVersion stored = store.publish("sasrec", version, staging, new ModelVersion("sasrec", version, "",
				ModelVersion.Status.ACCEPTED, Map.of(), checksum, java.time.Instant.now().toString(), null));
		store.setLive("sasrec", version, false);
		return stored;
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
				Files.copy(file, to.resolve(from.relativize(file).toString()));
			}
		}
	}

}
