package io.seqrec.artifact.s3;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Where an {@link S3ModelStore} keeps its objects and its local copies. Credentials are
 * not part of the settings: they come from the AWS SDK's default chain (environment,
 * system properties, web identity token, profile, container or instance role).
 *
 * @param endpoint the endpoint of an S3-compatible server ({@code http://minio:9000}), or
 * null for AWS S3 itself
 * @param region the signing region ({@code us-east-1} suits most S3-compatible servers)
 * @param bucket the bucket, which must exist
 * @param prefix a key prefix under which the store lives ({@code seqrec/models}), or
 * empty for the bucket's root
 * @param pathStyle whether to address the bucket in the path
 * ({@code http://host/bucket/key}) rather than as a virtual host; most S3-compatible
 * servers need it
 * @param cacheDirectory the local directory where artifacts are staged before upload and
 * downloaded before loading
 * @param cachedVersions how many downloaded versions of each model are kept on disk
 * @param conditionalWrites whether the server honours {@code If-None-Match} and
 * {@code If-Match} on PUT (AWS S3 since 2024, MinIO, Ceph); without them the store relies
 * on a single writer
 */
public record S3ModelStoreSettings(@Nullable URI endpoint, String region, String bucket, String prefix,
		boolean pathStyle, Path cacheDirectory, int cachedVersions, boolean conditionalWrites) {

	public S3ModelStoreSettings {
		if (bucket.isBlank()) {
			throw new IllegalArgumentException("the S3 model store needs a bucket");
		}
		if (region.isBlank()) {
			throw new IllegalArgumentException("the S3 model store needs a region (us-east-1 suits most servers)");
		}
		if (cachedVersions < 1) {
			throw new IllegalArgumentException("cachedVersions must be at least 1, not " + cachedVersions);
		}
		prefix = trimSlashes(prefix);
	}

	private static String trimSlashes(String prefix) {
		int from = 0;
		int to = prefix.length();
		while (from < to && prefix.charAt(from) == '/') {
			from++;
		}
		while (to > from && prefix.charAt(to - 1) == '/') {
			to--;
		}
		return prefix.substring(from, to);
	}

}
