package io.seqrec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Generated interactions with a planted rule, for the demo, the benchmarks and the tests.
 *
 * <p>
 * The cycle ({@link #cycle}): item {@code i} is followed by item
 * {@code (i + step) mod n}, with a step coprime to the catalogue size {@code n}, so the
 * rule is one cycle through the whole catalogue. Every item is equally popular (a
 * popularity model cannot beat chance), the next item is a function of the current one (a
 * sequence model can learn it perfectly), and a walk shorter than the catalogue never
 * repeats an item (its planted next item is never one the user has seen).
 *
 * <p>
 * Two interests ({@link #alternatingClusters}): the catalogue is cut into disjoint
 * clusters and every user alternates between two of them, so the next item lies in one of
 * the user's two clusters: a model with several interests per user can rank both first.
 *
 * <p>
 * Motifs ({@link #periodic}): each user repeats a motif of {@code period} distinct items
 * of its own, so the next item is the one {@code period} positions back, while the
 * current item alone says little about it (every item is in many motifs, followed by
 * different items): a periodicity, as FEARec's auto-correlation looks for.
 *
 * <p>
 * Items are {@code item-<index>} for indices {@code 0..n-1}, users {@code user-<index>}.
 */
public final class PlantedSequences {

	private final int items;

	private final int step;

	private PlantedSequences(int items, int step) {
		this.items = items;
		this.step = step;
	}

	/**
	 * The cycle over a catalogue: the step is the first integer from {@code 0.618 n}
	 * upwards that is coprime to {@code n}, so consecutive items lie far apart.
	 * @param items the catalogue size, at least 2
	 * @return the generator
	 */
	public static PlantedSequences cycle(int items) {
		if (items < 2) {
			throw new IllegalArgumentException("a planted cycle needs at least 2 items, got " + items);
		}
		int step = Math.max(1, (int) Math.round(items * 0.618));
		while (gcd(step, items) != 1) {
			step++;
		}
		return new PlantedSequences(items, step);
	}

	private static int gcd(int a, int b) {
		return (b == 0) ? a : gcd(b, a % b);
	}

	/**
	 * The catalogue size.
	 * @return {@code n}
	 */
	public int items() {
		return this.items;
	}

	/**
	 * The planted successor of an item.
	 * @param item an item index
	 * @return the next item index
	 */
	public int next(int item) {
		return (item + this.step) % this.items;
	}

	/**
	 * The item that follows a planted walk.
	 * @param start the walk's first item
	 * @param length the walk's length
	 * @return the item after its last one
	 */
	public int after(int start, int length) {
		return (int) ((start + (long) length * this.step) % this.items);
	}

	/**
	 * A planted walk.
	 * @param start the first item
	 * @param length the number of items
	 * @return item indices, oldest first
	 */
	public int[] walk(int start, int length) {
		int[] walk = new int[length];
		int item = start;
		for (int t = 0; t < length; t++) {
			walk[t] = item;
			item = next(item);
		}
		return walk;
	}

	/**
	 * Interactions of users walking the cycle from random starts; with probability
	 * {@code noise} a step goes to a random item instead (the walk continues from there).
	 * User {@code u}'s {@code t}-th interaction has time {@code 1e6 + u * length + t}.
	 * @param users the number of users
	 * @param length interactions per user
	 * @param noise the probability of a random step
	 * @param seed the random seed
	 * @return the interactions, user by user in time order
	 */
	public InteractionTable table(int users, int length, double noise, long seed) {
		return interactions(users, length, seed, (random) -> {
			int[] items = new int[length];
			int item = random.nextInt(this.items);
			for (int t = 0; t < length; t++) {
				items[t] = item;
				item = (random.nextDouble() < noise) ? random.nextInt(this.items) : next(item);
			}
			return items;
		});
	}

	/**
	 * Interactions of users with two interests: items {@code c * clusterSize ..
	 * (c + 1) * clusterSize - 1} form cluster {@code c}; each user picks two distinct
	 * clusters at random and alternates between them (starting with the first), each item
	 * drawn uniformly from the current cluster. Every item is equally popular. Times as
	 * in {@link #table}.
	 * @param clusters the number of clusters, at least 2
	 * @param clusterSize items per cluster, at least 1
	 * @param users the number of users
	 * @param length interactions per user
	 * @param seed the random seed
	 * @return the interactions, user by user in time order
	 */
	public static InteractionTable alternatingClusters(int clusters, int clusterSize, int users, int length,
			long seed) {
		if (clusters < 2 || clusterSize < 1) {
			throw new IllegalArgumentException(
					"two interests need at least 2 clusters of at least 1 item, got " + clusters + " x " + clusterSize);
		}
		return interactions(users, length, seed, (random) -> {
			int first = random.nextInt(clusters);
			int second = (first + 1 + random.nextInt(clusters - 1)) % clusters;
			int[] items = new int[length];
			for (int t = 0; t < length; t++) {
				int cluster = (t % 2 == 0) ? first : second;
				items[t] = cluster * clusterSize + random.nextInt(clusterSize);
			}
			return items;
		});
	}

	/**
	 * Interactions of users repeating motifs: each user draws {@code period} distinct
	 * items and interacts with them in that order, over and over; with probability
	 * {@code noise} an interaction is a random item instead (the motif continues). Times
	 * as in {@link #table}.
	 * @param items the catalogue size
	 * @param period the motif length, in {@code [2, items]}
	 * @param users the number of users
	 * @param length interactions per user
	 * @param noise the probability of a random item
	 * @param seed the random seed
	 * @return the interactions, user by user in time order
	 */
	public static InteractionTable periodic(int items, int period, int users, int length, double noise, long seed) {
		if (period < 2 || period > items) {
			throw new IllegalArgumentException(
					"a periodic pattern needs a period in [2, " + items + "], got " + period);
		}
		return interactions(users, length, seed, (random) -> {
			int[] motif = motif(items, period, random);
			int[] sequence = new int[length];
			for (int t = 0; t < length; t++) {
				sequence[t] = (random.nextDouble() < noise) ? random.nextInt(items) : motif[t % period];
			}
			return sequence;
		});
	}

	/** {@code period} distinct items in random order (a partial Fisher-Yates shuffle). */
	private static int[] motif(int items, int period, SplittableRandom random) {
		int[] all = new int[items];
		for (int i = 0; i < all.length; i++) {
			all[i] = i;
		}
		for (int i = 0; i < period; i++) {
			int j = i + random.nextInt(items - i);
			int tmp = all[i];
			all[i] = all[j];
			all[j] = tmp;
		}
		return Arrays.copyOf(all, period);
	}

	/**
	 * The cluster of an item in {@link #alternatingClusters}.
	 * @param item an item index
	 * @param clusterSize items per cluster
	 * @return the cluster index
	 */
	public static int cluster(int item, int clusterSize) {
		return item / clusterSize;
	}

	private static InteractionTable interactions(int users, int length, long seed,
			Function<SplittableRandom, int[]> sequence) {
		SplittableRandom random = new SplittableRandom(seed);
		List<String> userTokens = new ArrayList<>(users * length);
		List<String> itemTokens = new ArrayList<>(users * length);
		double[] timestamps = new double[users * length];
		int row = 0;
		for (int user = 0; user < users; user++) {
			int[] items = sequence.apply(random);
			for (int t = 0; t < length; t++) {
				userTokens.add(userId(user));
				itemTokens.add(itemId(items[t]));
				timestamps[row++] = 1_000_000 + (double) user * length + t;
			}
		}
		return InteractionTable.of(userTokens, itemTokens, timestamps);
	}

	/**
	 * Writes {@link #table} as RecBole's atomic file
	 * {@code <dataPath>/<dataset>/<dataset>.inter}, for commands that read a dataset.
	 * @param dataPath the data directory
	 * @param dataset the dataset name
	 * @param users the number of users
	 * @param length interactions per user
	 * @param noise the probability of a random step
	 * @param seed the random seed
	 * @return the file written
	 * @throws DataException if it cannot be written
	 */
	public Path writeAtomic(Path dataPath, String dataset, int users, int length, double noise, long seed) {
		InteractionTable table = table(users, length, noise, seed);
		StringBuilder text = new StringBuilder("user_id:token\titem_id:token\ttimestamp:float\n");
		for (int row = 0; row < table.size(); row++) {
			text.append(table.userToken(row))
				.append('\t')
				.append(table.itemToken(row))
				.append('\t')
				.append((long) table.timestamp(row))
				.append('\n');
		}
		Path file = AtomicFileReader.interFile(dataPath, dataset);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new DataException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
		return file;
	}

	/**
	 * An item's id.
	 * @param item an item index
	 * @return {@code item-<index>}
	 */
	public static String itemId(int item) {
		return "item-" + item;
	}

	/**
	 * The index of an item id.
	 * @param itemId an id made by {@link #itemId}
	 * @return the index
	 */
	public static int itemIndex(String itemId) {
		return Integer.parseInt(itemId.substring("item-".length()));
	}

	/**
	 * A user's id.
	 * @param user a user index
	 * @return {@code user-<index>}
	 */
	public static String userId(int user) {
		return "user-" + user;
	}

}
