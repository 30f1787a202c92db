package io.seqrec.data;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SequentialDatasetBuilderTests {

	@Test
	void workedExampleOfModelsMd() {
		// MODELS.md 1.4: L = 3, one user with a b c d e
		SequentialDataset dataset = build(3, "u a 1", "u b 2", "u c 3", "u d 4", "u e 5");
		int a = dataset.items().idOf("a");
		int b = dataset.items().idOf("b");
		int c = dataset.items().idOf("c");
		int d = dataset.items().idOf("d");
		int e = dataset.items().idOf("e");
		assertThat(List.of(a, b, c, d, e)).containsExactly(1, 2, 3, 4, 5);
		SequenceSamples train = dataset.train();
		assertThat(train.size()).isEqualTo(2);
		assertThat(train.history(0)).containsExactly(a, 0, 0);
		assertThat(train.length(0)).isEqualTo(1);
		assertThat(train.target(0)).isEqualTo(b);
		assertThat(train.history(1)).containsExactly(a, b, 0);
		assertThat(train.length(1)).isEqualTo(2);
		assertThat(train.target(1)).isEqualTo(c);
		assertThat(dataset.valid().size()).isEqualTo(1);
		assertThat(dataset.valid().history(0)).containsExactly(a, b, c);
		assertThat(dataset.valid().length(0)).isEqualTo(3);
		assertThat(dataset.valid().target(0)).isEqualTo(d);
		assertThat(dataset.test().size()).isEqualTo(1);
		assertThat(dataset.test().history(0)).containsExactly(b, c, d);
		assertThat(dataset.test().length(0)).isEqualTo(3);
		assertThat(dataset.test().target(0)).isEqualTo(e);
		assertThat(dataset.test().timestamp(0)).isEqualTo(5.0);
		assertThat(dataset.trainTargets(1)).isEqualTo(2);
		assertThat(dataset.numItems()).isEqualTo(6);
		assertThat(dataset.maxItemListLength()).isEqualTo(3);
	}

	@Test
	void shortUsersVanishTrainOnlyOrTestOnly() {
		SequentialDataset dataset = build(3, "one x 1", "two a 2", "two b 3", "three c 4", "three d 5", "three e 6",
				"four a 7", "four b 8", "four c 9", "four d 10");
		Vocabulary users = dataset.users();
		// every user and item keeps an id, as RecBole remaps before augmenting
		assertThat(users.tokens()).containsExactly("one", "two", "three", "four");
		assertThat(dataset.numItems()).isEqualTo(7);
		assertThat(dataset.trainTargets(users.idOf("one"))).isZero();
		assertThat(dataset.trainTargets(users.idOf("two"))).isEqualTo(1);
		assertThat(dataset.trainTargets(users.idOf("three"))).isEqualTo(1);
		assertThat(dataset.trainTargets(users.idOf("four"))).isEqualTo(1);
		assertThat(usersOf(dataset, dataset.train())).containsExactly("two", "three", "four");
		assertThat(usersOf(dataset, dataset.valid())).containsExactly("four");
		assertThat(usersOf(dataset, dataset.test())).containsExactly("three", "four");
		assertThat(dataset.test().target(0)).isEqualTo(dataset.items().idOf("e"));
		assertThat(dataset.test().history(0)).containsExactly(dataset.items().idOf("c"), dataset.items().idOf("d"), 0);
	}

	@Test
	void tiesInTimeKeepFileOrder() {
		SequentialDataset dataset = build(5, "u x 5", "u y 5", "u z 1", "u w 5");
		Vocabulary items = dataset.items();
		assertThat(items.tokens()).containsExactly("x", "y", "z", "w");
		assertThat(dataset.sequences().items(1)).containsExactly(items.idOf("z"), items.idOf("x"), items.idOf("y"),
				items.idOf("w"));
		assertThat(dataset.sequences().timestamps(1)).containsExactly(1, 5, 5, 5);
	}

	@Test
	void idsFollowFirstAppearanceNotSortOrder() {
		SequentialDataset dataset = build(2, "b i2 9", "a i1 1", "b i1 3", "a i3 2", "a i4 0");
		assertThat(dataset.users().tokens()).containsExactly("b", "a");
		assertThat(dataset.items().tokens()).containsExactly("i2", "i1", "i3", "i4");
		assertThat(dataset.sequences().items(2)).containsExactly(4, 2, 3);
	}

	@Test
	void splitGroupsFollowTheTimeOfEachUsersSecondInteraction() {
		// second interactions: u1 at 50, u2 at 20, u3 at 20 (tie: lower id first), u4 at
		// 10
		SequentialDataset dataset = build(4, "u1 a 1", "u1 b 50", "u1 c 51", "u2 a 2", "u2 b 20", "u2 c 60", "u3 a 3",
				"u3 b 20", "u3 c 21", "u4 a 0", "u4 b 10", "u4 c 11");
		assertThat(usersOf(dataset, dataset.test())).containsExactly("u4", "u2", "u3", "u1");
		assertThat(usersOf(dataset, dataset.train())).containsExactly("u4", "u2", "u3", "u1");
	}

	@Test
	void longHistoriesKeepTheMostRecentItems() {
		SequentialDataset dataset = build(2, "u a 1", "u b 2", "u c 3", "u d 4", "u e 5", "u f 6");
		SequenceSamples train = dataset.train();
		assertThat(train.size()).isEqualTo(3);
		int[] row = new int[5];
		train.copyHistory(2, row, 1);
		assertThat(row).containsExactly(0, 2, 3, 0, 0);
		assertThat(train.target(2)).isEqualTo(4);
		assertThat(train.user(2)).isEqualTo(1);
	}

	@Test
	void missingTimestampIsExplained() {
		InteractionTable table = InteractionTable.of(List.of("u", "u"), List.of("a", "b"), null);
		assertThatExceptionOfType(DataException.class).isThrownBy(() -> SequentialDatasetBuilder.build(table, 5))
			.withMessageContaining("timestamp column")
			.withMessageContaining("load_col");
	}

	@Test
	void noTestSamplesIsExplained() {
		assertThatExceptionOfType(DataException.class).isThrownBy(() -> build(5, "u a 1", "u b 2", "v a 3"))
			.withMessageContaining("2 users, 2 items and 3 interactions")
			.withMessageContaining("1 train and 0 test samples");
	}

	@Test
	void maxLengthMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> build(0, "u a 1", "u b 2", "u c 3"));
	}

	/** Builds from "user item time" rows in file order. */
	static SequentialDataset build(int maxLength, String... rows) {
		List<String> users = new ArrayList<>();
		List<String> items = new ArrayList<>();
		double[] times = new double[rows.length];
		for (int i = 0; i < rows.length; i++) {
			String[] fields = rows[i].split(" ");
			users.add(fields[0]);
			items.add(fields[1]);
			times[i] = Double.parseDouble(fields[2]);
		}
		return SequentialDatasetBuilder.build(InteractionTable.of(users, items, times), maxLength);
	}

	private static List<String> usersOf(SequentialDataset dataset, SequenceSamples samples) {
		List<String> users = new ArrayList<>();
		for (int i = 0; i < samples.size(); i++) {
			users.add(dataset.users().token(samples.user(i)));
		}
		return users;
	}

}
