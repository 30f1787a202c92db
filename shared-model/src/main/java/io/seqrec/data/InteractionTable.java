package io.seqrec.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Interactions as an immutable column store, rows in file order (or in the order a filter
 * left them): user and item tokens, plus every loaded {@code float} column, the time
 * column included.
 */
public final class InteractionTable {

	/** Name of the time column of tables built with {@link #of}. */
	public static final String DEFAULT_TIME_FIELD = "timestamp";

	private final String[] users;

	private final String[] items;

	private final @Nullable String timeField;

	private final Map<String, double[]> numeric;

	/**
	 * Wraps columns without copying them; the caller hands over ownership.
	 * @param users user token per row
	 * @param items item token per row
	 * @param timeField name of the time column, a key of {@code numeric}, or {@code null}
	 * @param numeric float columns by name, in header order, each as long as
	 * {@code users}
	 */
	InteractionTable(String[] users, String[] items, @Nullable String timeField, Map<String, double[]> numeric) {
		if (users.length != items.length) {
			throw new IllegalArgumentException(
					"users (" + users.length + ") and items (" + items.length + ") differ in length");
		}
		for (Map.Entry<String, double[]> column : numeric.entrySet()) {
			if (column.getValue().length != users.length) {
				throw new IllegalArgumentException("column " + column.getKey() + " has " + column.getValue().length
						+ " values for " + users.length + " rows");
			}
		}
		if (timeField != null && !numeric.containsKey(timeField)) {
			throw new IllegalArgumentException("time field " + timeField + " is not a numeric column");
		}
		this.users = users;
		this.items = items;
		this.timeField = timeField;
		this.numeric = Collections.unmodifiableMap(new LinkedHashMap<>(numeric));
	}

	/**
	 * Builds a table from interactions that come from elsewhere than an atomic file (for
	 * example a Redis snapshot).
	 * @param users user token per row
	 * @param items item token per row
	 * @param timestamps time per row (column {@value #DEFAULT_TIME_FIELD}), or
	 * {@code null} for a table without time
	 * @return the table, rows in list order
	 * @throws IllegalArgumentException if the lengths differ
	 */
	public static InteractionTable of(List<String> users, List<String> items, double @Nullable [] timestamps) {
		Map<String, double[]> numeric = new LinkedHashMap<>();
		if (timestamps != null) {
			numeric.put(DEFAULT_TIME_FIELD, timestamps.clone());
		}
		return new InteractionTable(users.toArray(String[]::new), items.toArray(String[]::new),
				(timestamps != null) ? DEFAULT_TIME_FIELD : null, numeric);
	}

	/**
	 * Returns the number of rows.
	 * @return the number of interactions
	 */
	public int size() {
		return this.users.length;
	}

	/**
	 * Returns the user token of a row.
	 * @param row the 0-based row
	 * @return the user token
	 */
	public String userToken(int row) {
		return this.users[row];
	}

	/**
	 * Returns the item token of a row.
	 * @param row the 0-based row
	 * @return the item token
	 */
	public String itemToken(int row) {
		return this.items[row];
	}

	/**
	 * Tells whether the table has a time column.
	 * @return {@code true} if {@link #timestamp(int)} can be called
	 */
	public boolean hasTimestamp() {
		return this.timeField != null;
	}

	/**
	 * Returns the name of the time column.
	 * @return the time column's name, or {@code null} when there is none
	 */
	public @Nullable String timeField() {
		return this.timeField;
	}

	/**
	 * Returns the time of a row.
	 * @param row the 0-based row
	 * @return the value of the time column
	 * @throws IllegalStateException if the table has no time column
	 */
	public double timestamp(int row) {
		return timestamps()[row];
	}

	/**
	 * Returns the names of the float columns, in header order, the time column included.
	 * @return the numeric column names
	 */
	public Set<String> numericColumns() {
		return this.numeric.keySet();
	}

	/**
	 * Returns a value of a float column.
	 * @param column the column name
	 * @param row the 0-based row
	 * @return the value
	 * @throws IllegalArgumentException naming the numeric columns if {@code column} is
	 * not one
	 */
	public double numeric(String column, int row) {
		return column(column)[row];
	}

	/**
	 * Selects rows, in the given order.
	 * @param rows 0-based row indices (may reorder; repeats are allowed)
	 * @return a new table
	 */
	public InteractionTable select(int[] rows) {
		String[] newUsers = new String[rows.length];
		String[] newItems = new String[rows.length];
		for (int i = 0; i < rows.length; i++) {
			newUsers[i] = this.users[rows[i]];
			newItems[i] = this.items[rows[i]];
		}
		Map<String, double[]> newNumeric = new LinkedHashMap<>();
		for (Map.Entry<String, double[]> entry : this.numeric.entrySet()) {
			double[] source = entry.getValue();
			double[] target = new double[rows.length];
			for (int i = 0; i < rows.length; i++) {
				target[i] = source[rows[i]];
			}
			newNumeric.put(entry.getKey(), target);
		}
		return new InteractionTable(newUsers, newItems, this.timeField, newNumeric);
	}

	/**
	 * Direct access to the time column for the pipeline; never modified.
	 */
	double[] timestamps() {
		if (this.timeField == null) {
			throw new IllegalStateException("the interactions have no time column");
		}
		return this.numeric.get(this.timeField);
	}

	/**
	 * Direct access to a float column for the filters; never modified.
	 */
	double[] column(String column) {
		double[] values = this.numeric.get(column);
		if (values == null) {
			throw new IllegalArgumentException(
					"no numeric column " + column + "; numeric columns: " + this.numeric.keySet());
		}
		return values;
	}

	@Override
	public String toString() {
		return "InteractionTable[rows=" + size() + ", numeric=" + this.numeric.keySet() + "]";
	}

}
