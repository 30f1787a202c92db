package io.seqrec.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated interactions with a planted sequential rule, for the demo, the benchmarks and
 * the tests: item {@code i} is followed by item {@code (i + step) mod n}, with a step
 * coprime to the catalogue size {@code n}, so the rule is one cycle through the whole
 * catalogue. Every item is equally popular (a popularity model cannot beat chance), the
 * next item is a function of the current one (a sequence model can learn it perfectly),
 * and a walk shorter than the catalogue never repeats an item (its planted next item is
 * never one the user has seen).
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
		SplittableRandom random = new SplittableRandom(seed);
		List<String> userTokens = new ArrayList<>(users * length);
		List<String> itemTokens = new ArrayList<>(users * length);
		double[] timestamps = new double[users * length];
		int row = 0;
		for (int user = 0; user < users; user++) {
			int item = random.nextInt(this.items);
			for (int t = 0; t < length; t++) {
				userTokens.add(userId(user));
				itemTokens.add(itemId(item));
				timestamps[row++] = 1_000_000 + (double) user * length + t;
				item = (random.nextDouble() < noise) ? random.nextInt(this.items) : next(item);
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
