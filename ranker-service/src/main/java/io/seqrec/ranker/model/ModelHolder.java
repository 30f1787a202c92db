package io.seqrec.ranker.model;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The current model, swapped atomically. Readers lease it (a reference count) so that a
 * swap never closes a model under a request; the previous model closes when its last
 * lease ends.
 */
public final class ModelHolder {

	private final AtomicReference<@Nullable LiveModel> current = new AtomicReference<>();

	/**
	 * Leases the current model.
	 * @return a lease to close after use, or empty when no model is loaded
	 */
	public Optional<ModelLease> lease() {
		while (true) {
			LiveModel model = this.current.get();
			if (model == null) {
				return Optional.empty();
			}
			if (model.retain()) {
				return Optional.of(new ModelLease(model));
			}
			// swapped out and closed between the read and the retain: read again
		}
	}

	/**
	 * The current model without a lease, for reporting (its version, age) only.
	 * @return the model, or null
	 */
	public @Nullable LiveModel peek() {
		return this.current.get();
	}

	/**
	 * Makes a model current and gives up the holder's reference to the previous one,
	 * which closes once its last lease ends.
	 * @param next the new model (the caller's reference passes to the holder)
	 * @return the previous model, or null
	 */
	public @Nullable LiveModel swap(LiveModel next) {
		LiveModel previous = this.current.getAndSet(next);
		if (previous != null) {
			previous.release();
		}
		return previous;
	}

	/**
	 * Removes and releases the current model (at shutdown).
	 */
	public void clear() {
		LiveModel previous = this.current.getAndSet(null);
		if (previous != null) {
			previous.release();
		}
	}

}
