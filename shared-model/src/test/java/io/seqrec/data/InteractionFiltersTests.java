package io.seqrec.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InteractionFiltersTests {

	@Test
	void noFiltersKeepEverythingInOrder() {
		InteractionTable table = table(new String[] { "u1", "u2" }, new String[] { "i1", "i2" }, new double[] { 5, 1 });
		InteractionTable filtered = InteractionFilters.apply(table, FilterOptions.none());
		assertThat(filtered.size()).isEqualTo(2);
		assertThat(filtered.timestamp(0)).isEqualTo(5);
	}

	@Test
	void removeDuplicatesKeepsFirstOrLastInTimeOrder() {
		// rows 2 and 4 tie on time: the stable sort keeps file order
		InteractionTable table = InteractionTable.of(List.of("u1", "u1", "u1", "u2", "u1"),
				List.of("i1", "i2", "i1", "i1", "i1"), new double[] { 30, 10, 20, 20, 20 });
		InteractionTable first = InteractionFilters.removeDuplicates(table, "first");
		assertThat(rows(first)).containsExactly("u1 i2 10.0", "u1 i1 20.0", "u2 i1 20.0");
		InteractionTable last = InteractionFilters.removeDuplicates(table, "last");
		assertThat(rows(last)).containsExactly("u1 i2 10.0", "u2 i1 20.0", "u1 i1 30.0");
	}

	@Test
	void removeDuplicatesRejectsOtherChoices() {
		InteractionTable table = InteractionTable.of(List.of("u1"), List.of("i1"), new double[] { 1 });
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(
					() -> InteractionFilters.apply(table, new FilterOptions("latest", Map.of(), "[0,inf)", "[0,inf)")))
			.withMessageContaining("'first' or 'last'")
			.withMessageContaining("'latest'");
	}

	@Test
	void valueIntervalsWithOpenClosedInfiniteBoundsAndUnions() {
		InteractionTable table = ratings(0, 1, 2, 3, 4, 5);
		assertThat(ratingsOf(InteractionFilters.filterByValue(table, "rating", "[3,inf)"))).containsExactly(3.0, 4.0,
				5.0);
		assertThat(ratingsOf(InteractionFilters.filterByValue(table, "rating", "(0,2]"))).containsExactly(1.0, 2.0);
		assertThat(ratingsOf(InteractionFilters.filterByValue(table, "rating", "(-inf,1);[4,4]"))).containsExactly(0.0,
				4.0);
		assertThat(ratingsOf(InteractionFilters.filterByValue(table, "timestamp", "(102,104)"))).containsExactly(3.0);
	}

	@Test
	void valueIntervalOnUnknownColumnNamesNumericColumns() {
		InteractionTable table = ratings(1, 2);
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> InteractionFilters.apply(table,
					new FilterOptions(null, Map.of("label", "[1,inf)"), "[0,inf)", "[0,inf)")))
			.withMessageContaining("'label'")
			.withMessageContaining("[rating, timestamp]");
	}

	@Test
	void malformedValueIntervalIsQuoted() {
		InteractionTable table = ratings(1, 2);
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> InteractionFilters.filterByValue(table, "rating", "[1,2"))
			.withMessageContaining("'[1,2'");
	}

	@Test
	void interactionCountFilterRepeatsUntilStable() {
		// pass 1 drops u3 (1 interaction) and item d (1 interaction); that leaves u4 and
		// item c
		// with one interaction each, dropped in pass 2
		InteractionTable table = InteractionTable.of(List.of("u1", "u1", "u2", "u2", "u3", "u4", "u4"),
				List.of("a", "b", "a", "b", "c", "c", "d"), new double[] { 1, 2, 3, 4, 5, 6, 7 });
		InteractionTable filtered = InteractionFilters.apply(table,
				new FilterOptions(null, Map.of(), "[2,inf)", "[2,inf)"));
		assertThat(rows(filtered)).containsExactly("u1 a 1.0", "u1 b 2.0", "u2 a 3.0", "u2 b 4.0");
	}

	@Test
	void userAndItemCountsComeFromTheSamePass() {
		// at most 1 interaction per item: a and b both have 2, so every row goes in one
		// pass,
		// although dropping u2 first would have saved u1's rows
		InteractionTable table = InteractionTable.of(List.of("u1", "u1", "u2", "u2"), List.of("a", "b", "a", "b"),
				new double[] { 1, 2, 3, 4 });
		assertThat(
				InteractionFilters.filterByInteractionCount(table, Interval.parse("[0,inf)"), Interval.parse("[0,1]"))
					.size())
			.isZero();
	}

	@Test
	void emptyResultIsAnError() {
		InteractionTable table = ratings(1, 2);
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> InteractionFilters.apply(table, new FilterOptions(null, Map.of(), "[5,inf)", "[0,inf)")))
			.withMessageContaining("no interactions left after filtering 2")
			.withMessageContaining("user_inter_num_interval=[5,inf)");
	}

	@Test
	void emptyInputIsAnError() {
		InteractionTable table = InteractionTable.of(List.of(), List.of(), new double[0]);
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> InteractionFilters.apply(table, FilterOptions.none()))
			.withMessageContaining("the interaction data is empty");
	}

	private static InteractionTable ratings(double... ratings) {
		String[] users = new String[ratings.length];
		String[] items = new String[ratings.length];
		double[] times = new double[ratings.length];
		for (int i = 0; i < ratings.length; i++) {
			users[i] = "u" + i;
			items[i] = "i" + i;
			times[i] = 100 + i;
		}
		Map<String, double[]> numeric = new LinkedHashMap<>();
		numeric.put("rating", ratings.clone());
		numeric.put("timestamp", times);
		return new InteractionTable(users, items, "timestamp", numeric);
	}

	private static InteractionTable table(String[] users, String[] items, double[] times) {
		return InteractionTable.of(List.of(users), List.of(items), times);
	}

	private static List<Double> ratingsOf(InteractionTable table) {
		return IntStream.range(0, table.size()).mapToObj((r) -> table.numeric("rating", r)).toList();
	}

	private static List<String> rows(InteractionTable table) {
		return IntStream.range(0, table.size())
			.mapToObj((r) -> table.userToken(r) + " " + table.itemToken(r) + " " + table.timestamp(r))
			.toList();
	}

}
