package io.seqrec.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import io.seqrec.data.InteractionTable;

/**
 * Generated interactions with a planted sequential rule: each user walks a fixed
 * permutation cycle over the catalogue from a random start, so the next item is a
 * function of the current one, while every item is about equally popular (a popularity
 * model cannot do better than chance).
 */
final class PlantedPatterns {

	private PlantedPatterns() {
	}

	static InteractionTable cycles(int users, int items, int length, double noise, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] next = new int[items + 1];
		for (int item = 1; item <= items; item++) {
			// a single cycle through all items: i -> (i * 7 + 3) mod items, a bijection
			// when gcd(7, items) = 1
			next[item] = ((item - 1) * 7 + 3) % items + 1;
		}
		List<String> userTokens = new ArrayList<>();
		List<String> itemTokens = new ArrayList<>();
		double[] timestamps = new double[users * length];
		int row = 0;
		for (int user = 0; user < users; user++) {
			int item = 1 + random.nextInt(items);
			for (int t = 0; t < length; t++) {
				userTokens.add("u" + user);
				itemTokens.add("i" + item);
				timestamps[row++] = 1_000_000 + user * 1000 + t;
				item = (random.nextDouble() < noise) ? 1 + random.nextInt(items) : next[item];
			}
		}
		return InteractionTable.of(userTokens, itemTokens, timestamps);
	}

}
