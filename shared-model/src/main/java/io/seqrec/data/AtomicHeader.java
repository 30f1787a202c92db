package io.seqrec.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The typed header of an atomic file ({@code name:type} per column) and the positions of
 * the columns a read keeps.
 *
 * @param fieldCount number of columns of every row
 * @param userIndex position of the user column
 * @param itemIndex position of the item column
 * @param timeIndex position of the time column, or {@code -1} when it is not loaded
 * @param floatNames names of the loaded {@code float} columns, in header order
 * @param floatIndexes positions of those columns
 * @param ignored loaded columns the pipeline does not use (other token and sequence
 * columns)
 */
record AtomicHeader(int fieldCount, int userIndex, int itemIndex, int timeIndex, List<String> floatNames,
		int[] floatIndexes, List<String> ignored) {

	/**
	 * Parses a header line and resolves the loaded columns.
	 * @param line the first line of the file
	 * @param separator the field separator
	 * @param options what to load
	 * @param file the file, for messages
	 * @return the resolved header
	 * @throws DataException if the header is malformed or misses a required column
	 */
	static AtomicHeader parse(String line, String separator, AtomicReadOptions options, String file) {
		Map<String, FieldType> columns = new LinkedHashMap<>();
		for (String column : line.split(Pattern.quote(separator), -1)) {
			int colon = column.indexOf(':');
			if (colon <= 0 || colon != column.lastIndexOf(':')) {
				throw new DataException(file + ":1: header column '" + column
						+ "' is not of the form name:type (type one of token, float, token_seq, float_seq)");
			}
			String name = column.substring(0, colon);
			String typeName = column.substring(colon + 1).strip();
			FieldType type = FieldType.fromHeader(typeName)
				.orElseThrow(() -> new DataException(file + ":1: column '" + name + "' has unknown type '" + typeName
						+ "' (expected token, float, token_seq or float_seq)"));
			if (columns.put(name, type) != null) {
				throw new DataException(file + ":1: column '" + name + "' appears twice in the header");
			}
		}
		List<String> names = new ArrayList<>(columns.keySet());
		List<String> load = resolveLoad(options.loadColumns(), names, file);
		int user = requiredToken(options.userField(), "user", columns, load, file);
		int item = requiredToken(options.itemField(), "item", columns, load, file);
		int time = -1;
		if (load.contains(options.timeField())) {
			if (columns.get(options.timeField()) != FieldType.FLOAT) {
				throw new DataException(file + ":1: time column '" + options.timeField()
						+ "' must be of type float, not " + columns.get(options.timeField()).headerName());
			}
			time = names.indexOf(options.timeField());
		}
		List<String> floatNames = new ArrayList<>();
		List<String> ignored = new ArrayList<>();
		for (String name : load) {
			if (columns.get(name) == FieldType.FLOAT) {
				floatNames.add(name);
			}
			else if (!name.equals(options.userField()) && !name.equals(options.itemField())) {
				ignored.add(name);
			}
		}
		int[] floatIndexes = floatNames.stream().mapToInt(names::indexOf).toArray();
		return new AtomicHeader(names.size(), user, item, time, List.copyOf(floatNames), floatIndexes,
				List.copyOf(ignored));
	}

	private static List<String> resolveLoad(@Nullable List<String> loadColumns, List<String> names, String file) {
		if (loadColumns == null) {
			return names;
		}
		for (String wanted : loadColumns) {
			if (!names.contains(wanted)) {
				throw new DataException(
						file + ":1: load_col column '" + wanted + "' is not in the header; header columns: " + names);
			}
		}
		// header order, as pandas' usecols
		return names.stream().filter(loadColumns::contains).toList();
	}

	private static int requiredToken(String field, String role, Map<String, FieldType> columns, List<String> load,
			String file) {
		if (!columns.containsKey(field)) {
			throw new DataException(file + ":1: " + role + " column '" + field
					+ "' is not in the header; header columns: " + columns.keySet());
		}
		if (!load.contains(field)) {
			throw new DataException(file + ": " + role + " column '" + field + "' is not in load_col " + load);
		}
		if (columns.get(field) != FieldType.TOKEN) {
			throw new DataException(file + ":1: " + role + " column '" + field + "' must be of type token, not "
					+ columns.get(field).headerName());
		}
		return new ArrayList<>(columns.keySet()).indexOf(field);
	}

}
