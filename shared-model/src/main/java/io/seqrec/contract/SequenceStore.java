package io.seqrec.contract;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the user sequences the ingest service maintains: one user at a time for serving,
 * all users as a stream for training.
 */
public interface SequenceStore {

	/**
	 * A user's most recent events, oldest first.
	 * @param userId the user
	 * @param limit the most recent events to return; 0 returns every stored event
	 * @return the events (empty for an unknown user)
	 */
	List<SequenceEntry> read(String userId, int limit);

	/**
	 * Users' most recent item ids, without event ids or times: the serving path. Several
	 * users are read in one round trip.
	 * @param userIds the users
	 * @param limit the most recent events per user (at least 1)
	 * @return item ids per user, oldest first, in the users' order (empty for an unknown
	 * user)
	 */
	List<List<String>> recentItems(List<String> userIds, int limit);

	/**
	 * Streams every stored user's sequence to the consumer, a page of users at a time.
	 * Users written during the snapshot may or may not be included; none is delivered
	 * twice.
	 * @param consumer receives each user's sequence
	 * @return the number of users delivered
	 */
	long snapshot(Consumer<UserSequence> consumer);

	/**
	 * The most popular items.
	 * @param limit how many
	 * @return item id to event count, most popular first
	 */
	Map<String, Long> popularItems(int limit);

	/**
	 * The number of events ingested so far (duplicates excluded).
	 * @return the counter
	 */
	long ingestedEvents();

}
