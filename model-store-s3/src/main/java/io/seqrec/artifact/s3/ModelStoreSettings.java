package io.seqrec.artifact.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelStore;

/**
 * Which model store a service uses, as the services bind it from
 * {@code seqrec.model-store.*}: the directory store (the default, at the service's own
 * {@code store} directory) or the S3-compatible store. Every setting is optional; the
 * defaults are filled in here so that any binder (Spring Boot's, or none) gets the same
 * store.
 *
 * @param type {@code directory} or {@code s3}
 * @param s3 the S3 settings, used when the type is {@code s3}
 */
public record ModelStoreSettings(@Nullable String type, @Nullable S3 s3) {

	/** The directory store. */
	public static final String DIRECTORY = "directory";

	/** The S3-compatible store. */
	public static final String S3 = "s3";

	/**
	 * S3 settings ({@code seqrec.model-store.s3.*}); see {@link S3ModelStoreSettings}.
	 *
	 * @param endpoint the S3-compatible server, or unset for AWS S3
	 * @param region the signing region (default {@code us-east-1})
	 * @param bucket the bucket (required)
	 * @param prefix the key prefix (default none)
	 * @param pathStyle path-style addressing (default true: what S3-compatible servers
	 * need; set false for AWS S3 virtual-host addressing)
	 * @param cacheDirectory local staging and download directory (default
	 * {@code <java.io.tmpdir>/seqrec-model-cache})
	 * @param cachedVersions downloaded versions kept per model (default 3)
	 * @param conditionalWrites whether the server honours conditional PUTs (default true)
	 */
	public record S3(@Nullable URI endpoint, @Nullable String region, @Nullable String bucket, @Nullable String prefix,
			@Nullable Boolean pathStyle, @Nullable Path cacheDirectory, @Nullable Integer cachedVersions,
			@Nullable Boolean conditionalWrites) {

		S3ModelStoreSettings toSettings() {
			if (this.bucket == null || this.bucket.isBlank()) {
				throw new IllegalArgumentException("seqrec.model-store.s3.bucket is required with type s3");
			}
			return new S3ModelStoreSettings(this.endpoint, (this.region != null) ? this.region : "us-east-1",
					this.bucket, (this.prefix != null) ? this.prefix : "",
					(this.pathStyle != null) ? this.pathStyle : true,
					(this.cacheDirectory != null) ? this.cacheDirectory
							: Path.of(System.getProperty("java.io.tmpdir"), "seqrec-model-cache"),
					(this.cachedVersions != null) ? this.cachedVersions : 3,
					(this.conditionalWrites != null) ? this.conditionalWrites : true);
		}

	}

	/**
	 * Opens the configured store.
	 * @param directory the directory of the directory store
	 * @return the store (an {@link S3ModelStore} is {@link AutoCloseable})
	 * @throws IllegalArgumentException on an unknown type or missing S3 settings
	 */
	public ModelStore open(Path directory) {
		String chosen = (this.type != null) ? this.type.trim().toLowerCase(Locale.ROOT) : DIRECTORY;
		return switch (chosen) {
			case DIRECTORY, "" -> new FileSystemModelStore(directory);
			case S3 -> {
				if (this.s3 == null) {
					throw new IllegalArgumentException("seqrec.model-store.s3.bucket is required with type s3");
				}
				yield S3ModelStore.create(this.s3.toSettings());
			}
			default -> throw new IllegalArgumentException(
					"seqrec.model-store.type must be directory or s3, not '" + this.type + "'");
		};
	}

}
