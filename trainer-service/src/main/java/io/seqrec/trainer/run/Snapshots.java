package io.seqrec.trainer.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.seqrec.contract.SequenceEntry;
import io.seqrec.contract.SequenceStore;
import io.seqrec.contract.UserSequence;
import io.seqrec.data.InteractionTable;

/**
 * Turns the stored sequences into the interaction table the dataset pipeline reads.
 *
 * <p>
 * Rows are ordered by event time, then event id: the store is read user by user in no
 * particular order, and the pipeline numbers users and items by first appearance, so a
 * canonical order makes a run reproducible. An atomic file with the same rows in the same
 * order gives the CLI the same ids, hence the same results for the same seed.
 */
final class Snapshots {

	private Snapshots() {
	}

	record Row(String user, SequenceEntry entry) {
	}

	static InteractionTable read(SequenceStore store) {
		List<Row> rows = new ArrayList<>();
		store.snapshot((UserSequence sequence) -> {
			for (SequenceEntry entry : sequence.entries()) {
				rows.add(new Row(sequence.userId(), entry));
			}
		});
		rows.sort(Comparator.comparingLong((Row row) -> row.entry().epochMillis())
			.thenComparing((Row row) -> row.entry().eventId()));
		List<String> users = new ArrayList<>(rows.size());
		List<String> items = new ArrayList<>(rows.size());
		double[] times = new double[rows.size()];
		for (int i = 0; i < rows.size(); i++) {
			users.add(rows.get(i).user());
			items.add(rows.get(i).entry().itemId());
			times[i] = rows.get(i).entry().epochMillis();
		}
		return InteractionTable.of(users, items, times);
	}

}
