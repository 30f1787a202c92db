package io.seqrec.ranker.model;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ai.djl.ndarray.NDManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.seqrec.artifact.ModelArtifact;
import io.seqrec.data.Vocabulary;
import io.seqrec.model.SequentialRecommender;

/**
 * A loaded model version in service, reference counted: the holder owns one reference and
 * every request in flight one more. The artifact (and its native memory) is closed when
 * the last reference is released, so a request that started on this version finishes on
 * it even after a newer version was swapped in.
 */
public final class LiveModel {

	private static final Logger logger = LoggerFactory.getLogger(LiveModel.class);

	private final String name;

	private final String version;

	private final long announcedAt;

	private final ModelArtifact artifact;

	private final int[] popularOrder;

	private final Instant createdAt;

	private final AtomicInteger references = new AtomicInteger(1);

	/**
	 * Wraps a loaded artifact; the caller's reference becomes the holder's.
	 * @param name the registry name
	 * @param version the version
	 * @param announcedAt epoch millis of the model update that made it live (0 when it
	 * was read from the registry)
	 * @param artifact the loaded, verified artifact
	 */
	public LiveModel(String name, String version, long announcedAt, ModelArtifact artifact) {
		this.name = name;
		this.version = version;
		this.announcedAt = announcedAt;
		this.artifact = artifact;
		long[] popularity = artifact.popularity();
		this.popularOrder = IntStream.range(1, popularity.length)
			.boxed()
			.sorted((a, b) -> (popularity[a] != popularity[b]) ? Long.compare(popularity[b], popularity[a])
					: Integer.compare(a, b))
			.mapToInt(Integer::intValue)
			.toArray();
		this.createdAt = parse(artifact.manifest().createdAt());
	}

	private static Instant parse(String time) {
		try {
			return Instant.parse(time);
		}
		catch (RuntimeException ex) {
			return Instant.EPOCH;
		}
	}

	/**
	 * The registry name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * The version.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * When the model update that made this version live was published.
	 * @return epoch millis, 0 if it was read from the registry at start
	 */
	public long announcedAt() {
		return this.announcedAt;
	}

	/**
	 * When the artifact was written.
	 * @return the manifest's creation time
	 */
	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The scoring network (frozen).
	 * @return the model
	 */
	public SequentialRecommender network() {
		return this.artifact.model();
	}

	/**
	 * The manager that owns the parameters; each forward pass runs in a sub-manager of it
	 * that is closed afterwards.
	 * @return the model's manager
	 */
	public NDManager manager() {
		return this.artifact.djlModel().getNDManager();
	}

	/**
	 * The item vocabulary.
	 * @return external id by internal index
	 */
	public Vocabulary items() {
		return this.artifact.items();
	}

	/**
	 * {@code MAX_ITEM_LIST_LENGTH}: the sequence length the model reads.
	 * @return {@code L}
	 */
	public int maxSequenceLength() {
		return this.artifact.model().maxSeqLength();
	}

	/**
	 * Interaction count per internal index.
	 * @return the counts (not a copy)
	 */
	public long[] popularity() {
		return this.artifact.popularity();
	}

	/**
	 * Internal indices (padding excluded), most popular first.
	 * @return the order (not a copy)
	 */
	public int[] popularOrder() {
		return this.popularOrder;
	}

	/**
	 * Takes a reference for a request, unless the model was already closed.
	 * @return true if the caller now holds a reference it must {@link #release()}
	 */
	boolean retain() {
		while (true) {
			int count = this.references.get();
			if (count <= 0) {
				return false;
			}
			if (this.references.compareAndSet(count, count + 1)) {
				return true;
			}
		}
	}

	/**
	 * Gives a reference back; the last one closes the artifact.
	 */
	void release() {
		int count = this.references.decrementAndGet();
		if (count == 0) {
			this.artifact.close();
			logger.info("model {} version {} closed", this.name, this.version);
		}
		else if (count < 0) {
			throw new IllegalStateException("model " + this.version + " released more often than retained");
		}
	}

	/**
	 * Whether the artifact was closed (every reference released).
	 * @return true once closed
	 */
	public boolean isClosed() {
		return this.references.get() <= 0;
	}

	@Override
	public String toString() {
		return this.name + "/" + this.version;
	}

}
