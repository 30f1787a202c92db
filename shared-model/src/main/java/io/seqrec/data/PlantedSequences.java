package io.seqrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generated interactions with a planted sequential rule, for the demo, the benchmarks and
 * the tests. Two rules:
 * <ul>
 * <li>{@link #cycle}: item {@code i} is followed by item {@code (i + step) mod n}, with a
 * step coprime to the catalogue size {@code n}, so the rule is one cycle through the
 * whole catalogue. Every item is equally popular (a popularity model cannot beat chance),
 * the next item is a function of the current one (a sequence model can learn it
 * perfectly), and a walk shorter than the catalogue never repeats an item (its planted
 * next item is never one the user has seen).</li>
 * <li>{@link #periodic}: each user repeats a motif of {@code period} distinct items of
 * its own, so the next item is the one {@code period} positions back, while the current
 * item alone says little about it (every item is in many motifs, followed by different
 * items). A periodicity, as FEARec's auto-correlation looks for.</li>
 * </ul>
 * Items are {@code item-<index>} for indices {@code 0..n-1}, users {@code user-<index>}.
 */
public final class PlantedSequences {

	private final int items;

	private final int step;

	/** The motif length of the periodic rule, 0 for the cycle. */
	private final int period;

	private PlantedSequences(int items, int step, int period) {
		this.items = items;
		this.step = step;
		this.period = period;
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
		return new PlantedSequences(items, step, 0);
	}

	/**
	 * Users repeating motifs: each user draws {@code period} distinct items and interacts
	 * with them in that order, over and over.
	 * @param items the catalogue size
	 * @param period the motif length, in {@code [2, items]}
	 * @return the generator ({@link #table} only; {@link #next} and the walks are the
	 * cycle's)
	 */
	public static PlantedSequences periodic(int items, int period) {
		if (period < 2 || period > items) {
			throw new IllegalArgumentException(
					"a periodic pattern needs a period in [2, " + items + "], got " + period);
		}
		return new PlantedSequences(items, 1, period);
	}

	/**
	 * The motif length of a periodic pattern.
	 * @return the period, 0 for the cycle
	 */
	public int period() {
		return this.period;
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
		requireCycle();
		return (item + this.step) % this.items;
	}

	/**
	 * The item that follows a planted walk.
	 * @param start the walk's first item
	 * @param length the walk's length
	 * @return the item after its last one
	 */
	public int after(int start, int length) {
		requireCycle();
		return (int) ((start + (long) length * this.step) % this.items);
	}

	/**
	 * A planted walk.
	 * @param start the first item
	 * @param length the number of items
	 * @return item indices, oldest first
	 */
	public int[] walk(int start, int length) {
		requireCycle();
		int[] walk = new int[length];
		int item = start;
		for (int t = 0; t < length; t++) {
			walk[t] = item;
			item = next(item);
		}
		return walk;
	}

	/**
	 * Interactions of users following the rule. Cycle: walks from random starts; with
	 * probability {@code noise} a step goes to a random item instead (the walk continues
	 * from there). Periodic: each user's motif repeated; with probability {@code noise}
	 * an interaction is a random item instead (the motif continues). User {@code u}'s
	 * {@code t}-th interaction has time {@code 1e6 + u * length + t}.
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
			int[] motif = (this.period > 0) ? motif(random) : null;
			int item = random.nextInt(this.items);
			for (int t = 0; t < length; t++) {
				if (motif != null) {
					item = (random.nextDouble() < noise) ? random.nextInt(this.items) : motif[t % this.period];
				}
				userTokens.add(userId(user));
				itemTokens.add(itemId(item));
				timestamps[row++] = 1_000_000 + (double) user * length + t;
				if (motif == null) {
					item = (random.nextDouble() < noise) ? random.nextInt(this.items) : (item + this.step) % this.items;
				}
			}
		}
		return InteractionTable.of(userTokens, itemTokens, timestamps);
	}

	private void requireCycle() {
		if (this.period > 0) {
			throw new IllegalStateException(
					"a periodic pattern has no successor function: " + "the next item depends on the user's motif");
		}
	}

	/** {@code period} distinct items in random order (a partial Fisher-Yates shuffle). */
	private int[] motif(SplittableRandom random) {
		int[] all = new int[this.items];
		for (int i = 0; i < all.length; i++) {
			all[i] = i;
		}
		for (int i = 0; i < this.period; i++) {
			int j = i + random.nextInt(this.items - i);
			int tmp = all[i];
			all[i] = all[j];
			all[j] = tmp;
		}
		return Arrays.copyOf(all, this.period);
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
