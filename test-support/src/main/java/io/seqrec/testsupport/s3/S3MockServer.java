package io.seqrec.testsupport.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Adobe's S3Mock, an S3-compatible server, started in a JVM of its own on a free loopback
 * port, with its objects in a temporary directory. It is a Spring Boot application: in
 * the tests' JVM its {@code application.properties} would configure the services under
 * test too. Any credentials are accepted; address it path-style.
 */
public final class S3MockServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(S3MockServer.class);

	private static final String MAIN_CLASS = "com.adobe.testing.s3mock.S3MockApplication";

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private final Process process;

	private final int port;

	private S3MockServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Starts a server with the given buckets and waits until it answers.
	 * @param buckets the buckets to create
	 * @return the running server
	 */
	public static S3MockServer start(String... buckets) {
		try {
			Path root = Files.createTempDirectory("seqrec-s3mock");
			int port = freePort();
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.add("-Xmx256m");
			command.add("-XX:TieredStopAtLevel=1");
			command.add("-cp");
			command.add(classpath());
			command.add(MAIN_CLASS);
			command.add("--http.port=" + port);
			command.add("--server.port=0");
			command.add("--server.address=127.0.0.1");
			command.add("--com.adobe.testing.s3mock.store.root=" + root.resolve("objects"));
			command.add("--com.adobe.testing.s3mock.store.retain-files-on-exit=false");
			command.add("--com.adobe.testing.s3mock.store.initial-buckets=" + String.join(",", buckets));
			Path log = root.resolve("s3mock.log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			S3MockServer server = new S3MockServer(process, port);
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3mock-stop"));
			server.awaitReady(log);
			logger.info("S3Mock up at {}", server.endpoint());
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start S3Mock", ex);
		}
	}

	private static String classpath() throws IOException {
		try (InputStream in = S3MockServer.class.getResourceAsStream("s3mock.classpath")) {
			if (in == null) {
				throw new IllegalStateException("s3mock.classpath is missing: build test-support with Maven first");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
		}
	}

	private void awaitReady(Path log) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("S3Mock exited with " + this.process.exitValue() + ":\n"
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
			try {
				HttpResponse<Void> response = http.send(
						HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				close();
				throw new IllegalStateException("interrupted while S3Mock starts", ex);
			}
			sleep();
		}
		close();
		throw new IllegalStateException(
				"S3Mock did not answer within " + STARTUP + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The plain HTTP endpoint.
	 * @return {@code http://127.0.0.1:<port>}
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * A client of this server (path-style, any credentials will do).
	 * @return a new client (close it)
	 */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(URI.create(endpoint()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build();
	}

	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
