package io.seqrec.contract;

import java.util.List;

/**
 * A user's stored sequence, oldest event first.
 *
 * @param userId the user
 * @param entries the events in time order
 */
public record UserSequence(String userId, List<SequenceEntry> entries) {

	public UserSequence {
		entries = List.copyOf(entries);
	}

	/**
	 * The item ids in time order.
	 * @return the items
	 */
	public List<String> items() {
		return this.entries.stream().map(SequenceEntry::itemId).toList();
	}

}
