package io.seqrec.artifact.s3;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.artifact.ArtifactException;
import io.seqrec.artifact.Manifest;
import io.seqrec.artifact.ModelRegistryState;
import io.seqrec.artifact.ModelStore;
import io.seqrec.artifact.ModelVersion;
import io.seqrec.artifact.StoreNames;

/**
 * The model store on an S3-compatible object store:
 * {@code <prefix>/<name>/<version>/<file>} artifacts and one
 * {@code <prefix>/<name>/registry.json} per model.
 *
 * <p>
 * Guarantees, the same as the directory store's:
 * <ul>
 * <li><b>Immutable versions.</b> Every object of a version is written with
 * {@code If-None-Match: *}: a second upload of the same version is refused by the server,
 * never overwrites.</li>
 * <li><b>Atomic publication.</b> The files go up first, the manifest last, and the
 * registry entry only after the manifest. Readers find versions only through the
 * registry, so they never see a version whose files are still on their way; an upload cut
 * short leaves objects no registry names.</li>
 * <li><b>Verified loads.</b> {@link #resolve} downloads the manifest and the files it
 * lists into a local directory, checks every SHA-256 and size against the manifest, and
 * only then moves the directory into place under its final name.</li>
 * <li><b>Consistent registry.</b> The registry is replaced by compare-and-swap: read with
 * its ETag, change, write with {@code If-Match} (or {@code If-None-Match: *} when it does
 * not exist yet), and start again on {@code 412 Precondition Failed}. Concurrent writers
 * (a trainer publishing while an operator pins a version) never lose each other's
 * changes, and S3's strong read-after-write consistency gives readers the latest
 * registry. On a server without conditional writes ({@code conditionalWrites=false}) the
 * store relies on a single writer, the trainer, which the chart runs as one replica.</li>
 * </ul>
 */
public final class S3ModelStore implements ModelStore, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(S3ModelStore.class);

	private static final String REGISTRY = "registry.json";

	private static final String STAGING = ".staging";

	private static final int MAX_ATTEMPTS = 16;

	private static final int TORN_READ_ATTEMPTS = 5;

	private static final int PRECONDITION_FAILED = 412;

	private static final int CONFLICT = 409;

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final S3Client s3;

	private final boolean ownsClient;

	private final S3ModelStoreSettings settings;

	private final Path cache;

	private final Map<String, Object> downloads = new ConcurrentHashMap<>();

	private final Map<String, LinkedHashSet<String>> cachedVersions = new ConcurrentHashMap<>();

	/**
	 * Creates a store on a client the caller owns (and closes).
	 * @param s3 the S3 client
	 * @param settings bucket, prefix and local cache
	 */
	public S3ModelStore(S3Client s3, S3ModelStoreSettings settings) {
		this(s3, false, settings);
	}

	private S3ModelStore(S3Client s3, boolean ownsClient, S3ModelStoreSettings settings) {
		this.s3 = s3;
		this.ownsClient = ownsClient;
		this.settings = settings;
		this.cache = settings.cacheDirectory().toAbsolutePath().normalize();
		try {
			Files.createDirectories(this.cache.resolve(STAGING));
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot create the model cache at " + this.cache + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Creates a store with its own client: the settings' endpoint, region and addressing,
	 * credentials from the SDK's default chain. Transfer checksums are left to what the
	 * server requires: the store verifies every file's SHA-256 itself, which also suits
	 * S3-compatible servers that do not know the SDK's newer checksum headers.
	 * @param settings where the store lives
	 * @return the store (close it to close the client)
	 */
	public static S3ModelStore create(S3ModelStoreSettings settings) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(DefaultCredentialsProvider.builder().build())
			.forcePathStyle(settings.pathStyle())
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		return new S3ModelStore(builder.build(), true, settings);
	}

	/**
	 * The settings.
	 * @return bucket, prefix and cache
	 */
	public S3ModelStoreSettings settings() {
		return this.settings;
	}

	private String key(String... parts) {
		String path = String.join("/", parts);
		return this.settings.prefix().isEmpty() ? path : this.settings.prefix() + "/" + path;
	}

	private String url(String key) {
		return "s3://" + this.settings.bucket() + "/" + key;
	}

	@Override
	public Path stagingDirectory(String name) {
		try {
			return Files.createTempDirectory(this.cache.resolve(STAGING), StoreNames.name(name) + "-");
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot create a staging directory in " + this.cache + ": " + ex.getMessage(),
					ex);
		}
	}

	@Override
	public ModelVersion publish(String name, String version, Path artifact, ModelVersion entry) {
		StoreNames.name(name);
		StoreNames.version(version);
		if (!Files.isRegularFile(artifact.resolve(Manifest.FILE_NAME))) {
			throw new ArtifactException("cannot publish " + artifact + ": it has no " + Manifest.FILE_NAME);
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(artifact)) {
			files = listing.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().equals(Manifest.FILE_NAME))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot list " + artifact + ": " + ex.getMessage(), ex);
		}
		if (!this.settings.conditionalWrites() && exists(key(name, version, Manifest.FILE_NAME))) {
			throw immutable(name, version);
		}
		for (Path file : files) {
			putNew(name, version, file);
		}
		// the manifest last: a version without one is incomplete and never named
		putNew(name, version, artifact.resolve(Manifest.FILE_NAME));
		ModelVersion stored = entry.at(name + "/" + version);
		change(name, (registry) -> registry.with(stored));
		keepAsCached(name, version, artifact);
		logger.info("published {} to {}", stored.location(), url(key(name, version)));
		return stored;
	}

	private void putNew(String name, String version, Path file) {
		String key = key(name, version, file.getFileName().toString());
		PutObjectRequest.Builder request = PutObjectRequest.builder().bucket(this.settings.bucket()).key(key);
		if (this.settings.conditionalWrites()) {
			request.ifNoneMatch("*");
		}
		try {
			this.s3.putObject(request.build(), RequestBody.fromFile(file));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == PRECONDITION_FAILED || ex.statusCode() == CONFLICT) {
				throw immutable(name, version);
			}
			throw new ArtifactException("cannot upload " + file + " to " + url(key) + ": " + ex.getMessage(), ex);
		}
	}

	private static ArtifactException immutable(String name, String version) {
		return new ArtifactException("version " + name + "/" + version + " already exists; versions are immutable");
	}

	private boolean exists(String key) {
		try {
			this.s3.headObject((request) -> request.bucket(this.settings.bucket()).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw new ArtifactException("cannot read " + url(key) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void update(ModelVersion entry) {
		change(StoreNames.name(entry.name()), (registry) -> registry.withUpdated(entry));
	}

	@Override
	public ModelRegistryState setLive(String name, String version, boolean pinned) {
		return change(StoreNames.name(name), (registry) -> registry.withLiveVersion(version, pinned));
	}

	/**
	 * Applies a change to a model's registry by compare-and-swap, starting again when
	 * another writer replaced the registry in between.
	 */
	private ModelRegistryState change(String name, UnaryOperator<ModelRegistryState> change) {
		for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
			StoredRegistry current = readRegistry(name);
			ModelRegistryState updated = change.apply(current.state());
			if (writeRegistry(updated, current.etag())) {
				return updated;
			}
			logger.debug("the registry of {} changed while it was updated (attempt {}); reading it again", name,
					attempt);
			pause(attempt);
		}
		throw new ArtifactException("the registry of " + name + " kept changing during " + MAX_ATTEMPTS
				+ " attempts to update it; is another writer looping?");
	}

	private static void pause(int attempt) {
		try {
			Thread.sleep(Math.min(200, 5L * attempt * attempt));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ArtifactException("interrupted while updating a registry", ex);
		}
	}

	/**
	 * A registry as stored, with the ETag that a conditional replacement names.
	 *
	 * @param state the registry
	 * @param etag its ETag, or null when no registry is stored
	 */
	record StoredRegistry(ModelRegistryState state, @Nullable String etag) {
	}

	StoredRegistry readRegistry(String name) {
		String key = key(name, REGISTRY);
		for (int attempt = 1;; attempt++) {
			try {
				ResponseBytes<GetObjectResponse> bytes = this.s3
					.getObjectAsBytes((request) -> request.bucket(this.settings.bucket()).key(key));
				return new StoredRegistry(JSON.readValue(bytes.asByteArray(), ModelRegistryState.class),
						bytes.response().eTag());
			}
			catch (NoSuchKeyException ex) {
				return new StoredRegistry(ModelRegistryState.empty(name), null);
			}
			catch (JacksonException ex) {
				// S3 replaces an object atomically, but some S3-compatible servers let a
				// reader
				// see a replacement half-written: read again before calling it corrupt
				if (attempt >= TORN_READ_ATTEMPTS) {
					throw new ArtifactException("the registry " + url(key) + " is unreadable: " + ex.getMessage(), ex);
				}
				logger.debug("the registry {} was unreadable (attempt {}); reading it again", url(key), attempt);
				pause(attempt);
			}
			catch (S3Exception ex) {
				throw new ArtifactException("cannot read the registry " + url(key) + ": " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Writes a registry if the stored one is still the one read.
	 * @param registry the new registry
	 * @param etag the ETag of the registry it replaces, or null if there was none
	 * @return false when another writer replaced it first
	 */
	boolean writeRegistry(ModelRegistryState registry, @Nullable String etag) {
		String key = key(registry.name(), REGISTRY);
		PutObjectRequest.Builder request = PutObjectRequest.builder()
			.bucket(this.settings.bucket())
			.key(key)
			.contentType("application/json");
		if (this.settings.conditionalWrites()) {
			if (etag != null) {
				request.ifMatch(etag);
			}
			else {
				request.ifNoneMatch("*");
			}
		}
		try {
			this.s3.putObject(request.build(), RequestBody.fromBytes(JSON.writeValueAsBytes(registry)));
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == PRECONDITION_FAILED || ex.statusCode() == CONFLICT) {
				return false;
			}
			throw new ArtifactException("cannot write the registry " + url(key) + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public List<String> names() {
		String root = this.settings.prefix().isEmpty() ? "" : this.settings.prefix() + "/";
		List<String> names = new ArrayList<>();
		try {
			for (CommonPrefix common : this.s3
				.listObjectsV2Paginator((request) -> request.bucket(this.settings.bucket()).prefix(root).delimiter("/"))
				.commonPrefixes()) {
				String name = common.prefix().substring(root.length(), common.prefix().length() - 1);
				if (!name.startsWith(".") && exists(key(name, REGISTRY))) {
					names.add(name);
				}
			}
		}
		catch (S3Exception ex) {
			throw new ArtifactException("cannot list " + url(root) + ": " + ex.getMessage(), ex);
		}
		names.sort(Comparator.naturalOrder());
		return names;
	}

	@Override
	public ModelRegistryState registry(String name) {
		return readRegistry(StoreNames.name(name)).state();
	}

	/**
	 * A local, verified copy of a stored version, downloaded on first use. Versions are
	 * immutable, so a copy once verified stays valid; the most recently resolved
	 * {@code cachedVersions} of each model are kept.
	 */
	@Override
	public Path resolve(String location) {
		String[] parts = location.split("/", -1);
		if (parts.length != 2) {
			throw new IllegalArgumentException("location " + location + " is not name/version");
		}
		String name = StoreNames.name(parts[0]);
		String version = StoreNames.version(parts[1]);
		Path target = this.cache.resolve(name).resolve(version);
		synchronized (this.downloads.computeIfAbsent(location, (l) -> new Object())) {
			if (!Files.isDirectory(target)) {
				download(name, version, target);
			}
			remember(name, version);
		}
		return target;
	}

	private void download(String name, String version, Path target) {
		Path temp = null;
		try {
			temp = Files.createTempDirectory(this.cache.resolve(STAGING), "download-");
			String manifestKey = key(name, version, Manifest.FILE_NAME);
			Path manifestFile = get(manifestKey, temp.resolve(Manifest.FILE_NAME));
			Manifest manifest;
			try {
				manifest = JSON.readValue(manifestFile.toFile(), Manifest.class);
			}
			catch (JacksonException ex) {
				throw new ArtifactException(url(manifestKey) + " is unreadable: " + ex.getMessage(), ex);
			}
			for (String file : manifest.files().keySet()) {
				if (file.contains("/") || file.equals(Manifest.FILE_NAME) || file.startsWith(".")) {
					throw new ArtifactException(url(manifestKey) + " lists a file it may not: " + file);
				}
				get(key(name, version, file), temp.resolve(file));
			}
			manifest.verify(temp);
			Files.createDirectories(target.getParent());
			move(temp, target);
			temp = null;
			logger.info("downloaded and verified {} ({} files)", url(key(name, version)), manifest.files().size() + 1);
		}
		catch (IOException ex) {
			throw new ArtifactException("cannot download " + url(key(name, version)) + ": " + ex.getMessage(), ex);
		}
		catch (ArtifactException ex) {
			throw new ArtifactException("artifact " + url(key(name, version)) + ": " + ex.getMessage(), ex);
		}
		finally {
			if (temp != null) {
				deleteQuietly(temp);
			}
		}
	}

	private Path get(String key, Path file) {
		try {
			this.s3.getObject((request) -> request.bucket(this.settings.bucket()).key(key), file);
			return file;
		}
		catch (NoSuchKeyException ex) {
			throw new ArtifactException("no model artifact at " + url(key) + " (not found)", ex);
		}
		catch (S3Exception ex) {
			throw new ArtifactException("cannot download " + url(key) + ": " + ex.getMessage(), ex);
		}
	}

	private void keepAsCached(String name, String version, Path artifact) {
		Path target = this.cache.resolve(name).resolve(version);
		try {
			Files.createDirectories(target.getParent());
			move(artifact, target);
			remember(name, version);
		}
		catch (IOException ex) {
			// the upload succeeded; the copy is only a cache
			logger.debug("could not keep {} as the cached copy of {}/{}: {}", artifact, name, version, ex.getMessage());
			deleteQuietly(artifact);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
			// another resolver of the same immutable version was first: its copy is as
			// good
			deleteQuietly(from);
		}
	}

	private void remember(String name, String version) {
		List<String> evicted = new ArrayList<>();
		LinkedHashSet<String> versions = this.cachedVersions.computeIfAbsent(name, (n) -> new LinkedHashSet<>());
		synchronized (versions) {
			versions.remove(version);
			versions.add(version);
			while (versions.size() > this.settings.cachedVersions()) {
				String oldest = versions.iterator().next();
				versions.remove(oldest);
				evicted.add(oldest);
			}
		}
		for (String old : evicted) {
			synchronized (this.downloads.computeIfAbsent(name + "/" + old, (l) -> new Object())) {
				deleteQuietly(this.cache.resolve(name).resolve(old));
			}
		}
	}

	private static void deleteQuietly(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			logger.warn("could not delete {}: {}", dir, ex.getMessage());
		}
	}

	@Override
	public void close() {
		if (this.ownsClient) {
			this.s3.close();
		}
	}

}
