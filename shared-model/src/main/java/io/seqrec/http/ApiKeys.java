package io.seqrec.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accepted API keys: from configuration, and from a file with one key per line (a
 * mounted secret; blank lines and lines starting with {@code #} are ignored), which is
 * re-read when it changes. Keys are kept as SHA-256 digests and a presented key is
 * compared with every one of them in constant time, so neither the comparison's duration
 * nor an early exit tells how much of a key was right. The ranker and the trainer each
 * have their own keys.
 */
public final class ApiKeys {

	private static final Logger logger = LoggerFactory.getLogger(ApiKeys.class);

	private static final Duration RECHECK = Duration.ofSeconds(5);

	private final List<byte[]> configured;

	private final @Nullable Path file;

	private final long recheckNanos;

	private final AtomicLong nextCheck;

	private volatile Keys keys;

	/**
	 * Creates the key set.
	 * @param configured keys from configuration
	 * @param file a file of keys, or null
	 * @param settings the names of the settings that configure them, for the warning
	 * logged when there are none
	 */
	public ApiKeys(Collection<String> configured, @Nullable Path file, String settings) {
		this(configured, file, settings, RECHECK);
	}

	/**
	 * Creates the key set.
	 * @param configured keys from configuration
	 * @param file a file of keys, or null
	 * @param settings the names of the settings that configure them
	 * @param recheck how often the file's modification time is looked at
	 */
	ApiKeys(Collection<String> configured, @Nullable Path file, String settings, Duration recheck) {
		this.recheckNanos = recheck.toNanos();
		this.nextCheck = new AtomicLong(System.nanoTime() + this.recheckNanos);
		this.configured = new ArrayList<>();
		for (String key : configured) {
			if (!key.isBlank()) {
				this.configured.add(digest(key.strip()));
			}
		}
		this.file = file;
		this.keys = load(null);
		if (this.keys.digests().isEmpty()) {
			logger.warn("no API keys are configured ({}): every API request will be refused with 401", settings);
		}
	}

	/**
	 * Whether a presented key is accepted.
	 * @param presented the header's value, or null if absent
	 * @return true if it equals a configured key
	 */
	public boolean accepts(@Nullable String presented) {
		Keys current = current();
		if (presented == null || presented.isEmpty()) {
			return false;
		}
		byte[] candidate = digest(presented);
		boolean match = false;
		for (byte[] key : current.digests()) {
			match |= MessageDigest.isEqual(key, candidate);
		}
		return match;
	}

	private Keys current() {
		long now = System.nanoTime();
		long next = this.nextCheck.get();
		if (this.file != null && now - next >= 0 && this.nextCheck.compareAndSet(next, now + this.recheckNanos)) {
			Keys current = this.keys;
			FileTime modified = modified(this.file);
			if (modified != null && !modified.equals(current.fileTime())) {
				this.keys = load(modified);
				logger.info("API keys re-read from {}", this.file);
			}
		}
		return this.keys;
	}

	private Keys load(@Nullable FileTime knownTime) {
		List<byte[]> digests = new ArrayList<>(this.configured);
		FileTime time = knownTime;
		if (this.file != null) {
			try {
				time = Files.getLastModifiedTime(this.file);
				for (String line : Files.readAllLines(this.file, StandardCharsets.UTF_8)) {
					String key = line.strip();
					if (!key.isEmpty() && !key.startsWith("#")) {
						digests.add(digest(key));
					}
				}
			}
			catch (IOException ex) {
				logger.warn("cannot read API keys from {}: {}", this.file, ex.getMessage());
			}
		}
		return new Keys(List.copyOf(digests), time);
	}

	private static @Nullable FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static byte[] digest(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private record Keys(List<byte[]> digests, @Nullable FileTime fileTime) {
	}

}
