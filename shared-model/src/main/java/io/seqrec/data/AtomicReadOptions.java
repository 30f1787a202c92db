package io.seqrec.data;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What to read from an atomic {@code .inter} file.
 *
 * @param userField the user id column ({@code USER_ID_FIELD}, a {@code token} column)
 * @param itemField the item id column ({@code ITEM_ID_FIELD}, a {@code token} column)
 * @param timeField the time column ({@code TIME_FIELD}, a {@code float} column); it may
 * be absent from the file or from {@code loadColumns}
 * @param loadColumns the columns to load ({@code load_col.inter}), or {@code null} for
 * all
 */
public record AtomicReadOptions(String userField, String itemField, String timeField,
		@Nullable List<String> loadColumns) {

	/** RecBole's {@code USER_ID_FIELD} default. */
	public static final String DEFAULT_USER_FIELD = "user_id";

	/** RecBole's {@code ITEM_ID_FIELD} default. */
	public static final String DEFAULT_ITEM_FIELD = "item_id";

	/** RecBole's {@code TIME_FIELD} default. */
	public static final String DEFAULT_TIME_FIELD = "timestamp";

	public AtomicReadOptions {
		if (loadColumns != null) {
			loadColumns = List.copyOf(loadColumns);
		}
	}

	/**
	 * Default field names and every column of the file. (RecBole's own {@code load_col}
	 * default, {@code [user_id, item_id]}, is the configuration layer's business.)
	 * @return the options
	 */
	public static AtomicReadOptions defaults() {
		return new AtomicReadOptions(DEFAULT_USER_FIELD, DEFAULT_ITEM_FIELD, DEFAULT_TIME_FIELD, null);
	}

	/**
	 * Returns a copy with another column selection.
	 * @param columns the columns to load, or {@code null} for all
	 * @return the new options
	 */
	public AtomicReadOptions withLoadColumns(@Nullable List<String> columns) {
		return new AtomicReadOptions(this.userField, this.itemField, this.timeField, columns);
	}

}
