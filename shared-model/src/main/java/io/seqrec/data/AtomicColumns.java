package io.seqrec.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The growing columns of one {@link AtomicFileReader} read: user and item tokens
 * (interned) and the loaded float columns.
 */
final class AtomicColumns {

	private final AtomicHeader header;

	private final List<String> users = new ArrayList<>();

	private final List<String> items = new ArrayList<>();

	private final double[][] floats;

	private final Map<String, String> interned = new HashMap<>();

	private int size;

	private int capacity = 1024;

	AtomicColumns(AtomicHeader header) {
		this.header = header;
		this.floats = new double[header.floatIndexes().length][this.capacity];
	}

	/**
	 * Adds a row; returns {@code false} when it is dropped for a missing user or item.
	 */
	boolean add(String[] fields, String file, int lineNumber) {
		String user = fields[this.header.userIndex()];
		String item = fields[this.header.itemIndex()];
		if (AtomicFileReader.PANDAS_NA_VALUES.contains(user) || AtomicFileReader.PANDAS_NA_VALUES.contains(item)) {
			return false;
		}
		if (this.size == this.capacity) {
			this.capacity *= 2;
			for (int c = 0; c < this.floats.length; c++) {
				this.floats[c] = Arrays.copyOf(this.floats[c], this.capacity);
			}
		}
		for (int c = 0; c < this.floats.length; c++) {
			this.floats[c][this.size] = parseFloat(fields[this.header.floatIndexes()[c]],
					this.header.floatNames().get(c), file, lineNumber);
		}
		this.users.add(this.interned.computeIfAbsent(user, (token) -> token));
		this.items.add(this.interned.computeIfAbsent(item, (token) -> token));
		this.size++;
		return true;
	}

	InteractionTable toTable(String timeField) {
		Map<String, double[]> numeric = new LinkedHashMap<>();
		for (int c = 0; c < this.floats.length; c++) {
			numeric.put(this.header.floatNames().get(c), Arrays.copyOf(this.floats[c], this.size));
		}
		return new InteractionTable(this.users.toArray(String[]::new), this.items.toArray(String[]::new),
				(this.header.timeIndex() >= 0) ? timeField : null, numeric);
	}

	private static double parseFloat(String text, String column, String file, int lineNumber) {
		if (AtomicFileReader.PANDAS_NA_VALUES.contains(text)) {
			throw new DataException(file + ":" + lineNumber + ": column '" + column + "' has a missing value ('" + text
					+ "'); missing values in float columns are not supported");
		}
		try {
			double value = Double.parseDouble(text);
			if (Double.isNaN(value)) {
				throw new NumberFormatException("NaN");
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw new DataException(
					file + ":" + lineNumber + ": column '" + column + "' value '" + text + "' is not a number");
		}
	}

}
