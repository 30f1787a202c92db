package io.seqrec.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RecBole's interaction filters ({@code Dataset._data_filtering}), in its order:
 * duplicate removal ({@code rm_dup_inter}), value intervals ({@code val_interval}), then
 * the iterative interaction-count filter ({@code user_inter_num_interval},
 * {@code item_inter_num_interval}). Rows with a missing user or item were already dropped
 * by {@link AtomicFileReader}.
 */
public final class InteractionFilters {

	private static final Logger logger = LoggerFactory.getLogger(InteractionFilters.class);

	private InteractionFilters() {
	}

	/**
	 * Applies all filters.
	 * @param table the interactions as read
	 * @param options the filter settings
	 * @return the remaining interactions: time-sorted if duplicates were removed,
	 * otherwise in input order
	 * @throws DataException on a bad setting or when no interaction is left
	 */
	public static InteractionTable apply(InteractionTable table, FilterOptions options) {
		Interval userInterval = Interval.parse("user_inter_num_interval", options.userInterNumInterval());
		Interval itemInterval = Interval.parse("item_inter_num_interval", options.itemInterNumInterval());
		if (table.size() == 0) {
			throw new DataException("the interaction data is empty: no row has both a user and an item");
		}
		InteractionTable result = table;
		if (options.rmDupInter() != null) {
			result = removeDuplicates(result, options.rmDupInter());
		}
		for (Map.Entry<String, String> entry : options.valInterval().entrySet()) {
			result = filterByValue(result, entry.getKey(), entry.getValue());
		}
		result = filterByInteractionCount(result, userInterval, itemInterval);
		if (result.size() == 0) {
			throw new DataException("no interactions left after filtering " + table.size() + " (rm_dup_inter="
					+ options.rmDupInter() + ", val_interval=" + options.valInterval() + ", user_inter_num_interval="
					+ options.userInterNumInterval() + ", item_inter_num_interval=" + options.itemInterNumInterval()
					+ "); please check the filter settings");
		}
		logger.info("filtering kept {} of {} interactions", result.size(), table.size());
		return result;
	}

	/**
	 * Sorts by time (stable) and keeps the first or last interaction of each (user, item)
	 * pair.
	 * @param table the interactions
	 * @param keep {@code first} or {@code last}
	 * @return the kept rows, in time order
	 * @throws DataException if {@code keep} is neither
	 */
	public static InteractionTable removeDuplicates(InteractionTable table, String keep) {
		boolean first = "first".equals(keep);
		if (!first && !"last".equals(keep)) {
			throw new DataException("rm_dup_inter must be 'first' or 'last' (or unset), not '" + keep + "'");
		}
		int[] order;
		if (table.hasTimestamp()) {
			order = IndexSort.stableOrder(table.timestamps());
		}
		else {
			logger.warn("rm_dup_inter={} without a time column: duplicates are resolved in file order", keep);
			order = identity(table.size());
		}
		boolean[] kept = new boolean[order.length];
		Set<String> seen = new HashSet<>();
		for (int k = 0; k < order.length; k++) {
			int position = first ? k : order.length - 1 - k;
			int row = order[position];
			kept[position] = seen.add(table.userToken(row) + '\u0000' + table.itemToken(row));
		}
		int[] rows = new int[seen.size()];
		int n = 0;
		for (int k = 0; k < order.length; k++) {
			if (kept[k]) {
				rows[n++] = order[k];
			}
		}
		logger.info("rm_dup_inter={} removed {} duplicated interactions", keep, table.size() - rows.length);
		return table.select(rows);
	}

	/**
	 * Keeps the rows whose value of a numeric column lies in an interval union.
	 * @param table the interactions
	 * @param column a numeric column
	 * @param spec the interval union, for example {@code "[3,inf)"}
	 * @return the kept rows, in input order
	 * @throws DataException if the column is not numeric or the interval is malformed
	 */
	public static InteractionTable filterByValue(InteractionTable table, String column, String spec) {
		if (!table.numericColumns().contains(column)) {
			throw new DataException("val_interval column '" + column
					+ "' is not a loaded float column; numeric columns: " + table.numericColumns());
		}
		Interval interval = Interval.parse("val_interval." + column, spec);
		double[] values = table.column(column);
		int[] rows = new int[values.length];
		int n = 0;
		for (int row = 0; row < values.length; row++) {
			if (interval.contains(values[row])) {
				rows[n++] = row;
			}
		}
		logger.info("val_interval {}={} removed {} interactions", column, spec, values.length - n);
		return table.select(Arrays.copyOf(rows, n));
	}

	/**
	 * Iterative k-core as {@code Dataset._filter_by_inter_num}: repeat { count
	 * interactions per user and per item; drop every row whose user count or item count
	 * lies outside its interval } until a pass drops nothing.
	 * @param table the interactions
	 * @param users allowed numbers of interactions per user
	 * @param items allowed numbers of interactions per item
	 * @return the kept rows, in input order
	 */
	public static InteractionTable filterByInteractionCount(InteractionTable table, Interval users, Interval items) {
		int[] userIds = denseIds(table, true);
		int[] itemIds = denseIds(table, false);
		int[] rows = identity(table.size());
		int passes = 0;
		while (true) {
			boolean[] badUser = outside(count(rows, userIds), users);
			boolean[] badItem = outside(count(rows, itemIds), items);
			int n = 0;
			for (int row : rows) {
				if (!badUser[userIds[row]] && !badItem[itemIds[row]]) {
					rows[n++] = row;
				}
			}
			if (n == rows.length) {
				break;
			}
			passes++;
			rows = Arrays.copyOf(rows, n);
		}
		if (rows.length == table.size()) {
			return table;
		}
		logger.info("interaction-count filter (users {}, items {}) removed {} interactions in {} passes", users, items,
				table.size() - rows.length, passes);
		return table.select(rows);
	}

	private static int[] count(int[] rows, int[] ids) {
		int max = 0;
		for (int id : ids) {
			max = Math.max(max, id);
		}
		int[] counts = new int[max + 1];
		for (int row : rows) {
			counts[ids[row]]++;
		}
		return counts;
	}

	/**
	 * Ids whose (non-zero) count lies outside the interval; absent ids are never banned.
	 */
	private static boolean[] outside(int[] counts, Interval interval) {
		boolean[] bad = new boolean[counts.length];
		for (int id = 0; id < counts.length; id++) {
			bad[id] = counts[id] > 0 && !interval.contains(counts[id]);
		}
		return bad;
	}

	private static int[] denseIds(InteractionTable table, boolean users) {
		Map<String, Integer> ids = new HashMap<>();
		int[] result = new int[table.size()];
		for (int row = 0; row < result.length; row++) {
			String token = users ? table.userToken(row) : table.itemToken(row);
			result[row] = ids.computeIfAbsent(token, (key) -> ids.size());
		}
		return result;
	}

	static int[] identity(int size) {
		int[] rows = new int[size];
		for (int i = 0; i < size; i++) {
			rows[i] = i;
		}
		return rows;
	}

}
