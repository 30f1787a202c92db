package io.seqrec.ranker.model;

/**
 * A request's reference to the live model: the model stays open until the lease is
 * closed, even if a newer version is swapped in meanwhile.
 */
public final class ModelLease implements AutoCloseable {

	private final LiveModel model;

	private boolean closed;

	ModelLease(LiveModel model) {
		this.model = model;
	}

	/**
	 * The leased model.
	 * @return the model
	 */
	public LiveModel model() {
		return this.model;
	}

	@Override
	public void close() {
		if (!this.closed) {
			this.closed = true;
			this.model.release();
		}
	}

}
