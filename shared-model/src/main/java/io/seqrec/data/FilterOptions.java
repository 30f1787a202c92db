package io.seqrec.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * RecBole's interaction filters, by their configuration names.
 *
 * @param rmDupInter {@code rm_dup_inter}: {@code first}, {@code last}, or {@code null} to
 * keep duplicated (user, item) pairs
 * @param valInterval {@code val_interval}: numeric column to interval union (see
 * {@link Interval}); rows outside are dropped; empty for none
 * @param userInterNumInterval {@code user_inter_num_interval}, for example
 * {@code "[5,inf)"}
 * @param itemInterNumInterval {@code item_inter_num_interval}, for example
 * {@code "[5,inf)"}
 */
public record FilterOptions(@Nullable String rmDupInter, Map<String, String> valInterval, String userInterNumInterval,
		String itemInterNumInterval) {

	/** RecBole's default for both interaction-count intervals: no k-core. */
	public static final String NO_LIMIT = "[0,inf)";

	public FilterOptions {
		valInterval = Collections.unmodifiableMap(new LinkedHashMap<>(valInterval));
	}

	/**
	 * RecBole's defaults: no de-duplication, no value filter, no k-core.
	 * @return the options
	 */
	public static FilterOptions none() {
		return new FilterOptions(null, Map.of(), NO_LIMIT, NO_LIMIT);
	}

}
