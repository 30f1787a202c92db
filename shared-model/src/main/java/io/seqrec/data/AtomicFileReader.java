package io.seqrec.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a RecBole atomic interaction file
 * ({@code <data_path>/<dataset>/<dataset>.inter}): one header line of {@code name:type}
 * columns, then one interaction per line, fields split by {@code field_separator} (TAB by
 * default).
 * <p>
 * Only the loaded columns are kept: user and item ({@code token}), and every
 * {@code float} column (the time column among them). Other loaded columns are checked in
 * the header and ignored. As RecBole (pandas), blank lines are skipped and rows whose
 * user or item is missing (empty, or one of pandas' default NA strings such as
 * {@code NA}, {@code null}) are dropped.
 */
public final class AtomicFileReader {

	/** RecBole's default {@code field_separator}. */
	public static final String DEFAULT_FIELD_SEPARATOR = "\t";

	/**
	 * Strings pandas' {@code read_csv} reads as missing by default
	 * ({@code keep_default_na}, pandas 2.x, which added {@code None}).
	 */
	static final Set<String> PANDAS_NA_VALUES = Set.of("", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN",
			"-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null");

	private static final Logger logger = LoggerFactory.getLogger(AtomicFileReader.class);

	private final String separator;

	/**
	 * Creates a reader for TAB-separated files.
	 */
	public AtomicFileReader() {
		this(DEFAULT_FIELD_SEPARATOR);
	}

	/**
	 * Creates a reader for another {@code field_separator}.
	 * @param separator the field separator, taken literally
	 */
	public AtomicFileReader(String separator) {
		if (separator.isEmpty()) {
			throw new IllegalArgumentException("field_separator must not be empty");
		}
		this.separator = separator;
	}

	/**
	 * Returns where RecBole looks for a dataset's interactions.
	 * @param dataPath the {@code data_path} directory
	 * @param dataset the dataset name
	 * @return {@code <data_path>/<dataset>/<dataset>.inter}
	 */
	public static Path interFile(Path dataPath, String dataset) {
		return dataPath.resolve(dataset).resolve(dataset + ".inter");
	}

	/**
	 * Reads {@code <data_path>/<dataset>/<dataset>.inter}.
	 * @param dataPath the {@code data_path} directory
	 * @param dataset the dataset name
	 * @param options the fields to use and the columns to load
	 * @return the interactions, in file order
	 * @throws DataException if the file is missing or malformed
	 */
	public InteractionTable read(Path dataPath, String dataset, AtomicReadOptions options) {
		return read(interFile(dataPath, dataset), options);
	}

	/**
	 * Reads one atomic interaction file.
	 * @param file the {@code .inter} file
	 * @param options the fields to use and the columns to load
	 * @return the interactions, in file order
	 * @throws DataException if the file is missing or malformed
	 */
	public InteractionTable read(Path file, AtomicReadOptions options) {
		if (!Files.isRegularFile(file)) {
			throw new DataException("interaction file " + file + " does not exist; RecBole datasets live at"
					+ " <data_path>/<dataset>/<dataset>.inter (TAB-separated, header such as"
					+ " user_id:token, item_id:token, timestamp:float)");
		}
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return read(reader, file.toString(), options);
		}
		catch (IOException ex) {
			throw new DataException("cannot read interaction file " + file + ": " + ex.getMessage(), ex);
		}
	}

	private InteractionTable read(BufferedReader reader, String file, AtomicReadOptions options) throws IOException {
		String headerLine = reader.readLine();
		if (headerLine == null || headerLine.isBlank()) {
			throw new DataException(file + ":1: the file is empty; expected a header line of name:type columns");
		}
		if (headerLine.startsWith("\uFEFF")) {
			headerLine = headerLine.substring(1);
		}
		AtomicHeader header = AtomicHeader.parse(headerLine, this.separator, options, file);
		if (!header.ignored().isEmpty()) {
			logger.info("{}: loaded columns {} are not used by sequential models and are ignored", file,
					header.ignored());
		}
		AtomicColumns columns = new AtomicColumns(header);
		String[] fields = new String[header.fieldCount()];
		int lineNumber = 1;
		int dropped = 0;
		String line;
		while ((line = reader.readLine()) != null) {
			lineNumber++;
			if (line.isBlank()) {
				continue;
			}
			int count = split(line, fields);
			if (count != fields.length) {
				throw new DataException(file + ":" + lineNumber + ": expected " + fields.length
						+ " fields separated by " + describe(this.separator) + ", found " + count);
			}
			if (!columns.add(fields, file, lineNumber)) {
				dropped++;
			}
		}
		if (dropped > 0) {
			logger.warn("{}: dropped {} rows whose {} or {} is missing", file, dropped, options.userField(),
					options.itemField());
		}
		InteractionTable table = columns.toTable(options.timeField());
		logger.debug("{}: read {} interactions, numeric columns {}", file, table.size(), table.numericColumns());
		return table;
	}

	/**
	 * Splits into {@code fields}; returns the true field count (which may exceed its
	 * length).
	 */
	private int split(String line, String[] fields) {
		int count = 0;
		int start = 0;
		int sepLength = this.separator.length();
		while (true) {
			int end = line.indexOf(this.separator, start);
			String field = (end < 0) ? line.substring(start) : line.substring(start, end);
			if (count < fields.length) {
				fields[count] = field;
			}
			count++;
			if (end < 0) {
				return count;
			}
			start = end + sepLength;
		}
	}

	private static String describe(String separator) {
		return "\t".equals(separator) ? "TAB" : "'" + separator + "'";
	}

}
