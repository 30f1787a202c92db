package io.seqrec.tune;

/**
 * Sets how many intra-op threads the engine uses for the work of the calling thread, so
 * that trials running at once share the cores instead of each taking all of them. The
 * engine-agnostic API has no such call; the application that ships the engine supplies it
 * (for PyTorch, {@code at::set_num_threads}, which OpenMP applies per calling thread).
 */
@FunctionalInterface
public interface TrialThreads {

	/** Leaves the engine's thread count as it is. */
	TrialThreads UNCHANGED = (threads) -> {
	};

	/**
	 * Sets the calling thread's intra-op thread count.
	 * @param threads the number of threads, at least 1
	 */
	void apply(int threads);

}
