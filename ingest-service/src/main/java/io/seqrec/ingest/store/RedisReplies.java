package io.seqrec.ingest.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisFuture;

/**
 * Waits for Redis replies, turning every failure into a {@link RedisWriteException}.
 */
final class RedisReplies {

	static final long TIMEOUT_SECONDS = 10;

	private RedisReplies() {
	}

	static <T> T await(RedisFuture<T> future, String what) {
		try {
			return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RedisWriteException("interrupted while waiting for " + what, ex);
		}
		catch (ExecutionException ex) {
			throw new RedisWriteException(what + " failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new RedisWriteException(what + " was not acknowledged within " + TIMEOUT_SECONDS + " s", ex);
		}
	}

}
