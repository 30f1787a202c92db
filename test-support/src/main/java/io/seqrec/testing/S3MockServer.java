package io.seqrec.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.adobe.testing.s3mock.S3MockApplication;

/**
 * Adobe's S3Mock, an S3-compatible server (a Spring Boot application of its own), started
 * in this JVM on a free loopback port with its objects in a temporary directory. Any
 * credentials are accepted; address it path-style.
 */
public final class S3MockServer implements AutoCloseable {

	private final S3MockApplication application;

	private S3MockServer(S3MockApplication application) {
		this.application = application;
	}

	/**
	 * Starts a server with the given buckets.
	 * @param buckets the buckets to create
	 * @return the running server
	 */
	public static S3MockServer start(String... buckets) {
		try {
			Path root = Files.createTempDirectory("seqrec-s3mock");
			// S3Mock removes the keys it consumes: the map must be mutable
			Map<String, Object> properties = new HashMap<>();
			properties.put(S3MockApplication.PROP_HTTP_PORT, 0);
			properties.put(S3MockApplication.PROP_HTTPS_PORT, 0);
			properties.put(S3MockApplication.PROP_SILENT, true);
			properties.put("com.adobe.testing.s3mock.store.root", root.toString());
			properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", false);
			properties.put("com.adobe.testing.s3mock.store.initial-buckets", String.join(",", buckets));
			properties.put("server.address", "127.0.0.1");
			properties.put("spring.application.name", "s3mock");
			return new S3MockServer(S3MockApplication.start(properties));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The plain HTTP endpoint.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.application.getHttpPort();
	}

	@Override
	public void close() {
		this.application.stop();
	}

}
