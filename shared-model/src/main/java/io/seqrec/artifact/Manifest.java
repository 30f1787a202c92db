package io.seqrec.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The artifact's table of contents: format version, model, creation time and the SHA-256
 * and size of every file.
 *
 * @param format the artifact format version
 * @param model the model name
 * @param createdAt ISO-8601 creation time
 * @param files SHA-256 (hex) and size of each file, by file name
 */
public record Manifest(@JsonProperty("format") int format, @JsonProperty("model") String model,
		@JsonProperty("created_at") String createdAt, @JsonProperty("files") Map<String, FileEntry> files) {

	/** The current artifact format. */
	public static final int FORMAT = 1;

	/** The manifest's file name. */
	public static final String FILE_NAME = "manifest.json";

	public Manifest {
		files = new LinkedHashMap<>(files);
	}

	/**
	 * Checksum and size of one file.
	 *
	 * @param sha256 hex SHA-256 of the content
	 * @param bytes size in bytes
	 */
	public record FileEntry(@JsonProperty("sha256") String sha256, @JsonProperty("bytes") long bytes) {

		/**
		 * Hashes a file.
		 * @param file the file
		 * @return its entry
		 */
		public static FileEntry of(Path file) {
			try (InputStream in = Files.newInputStream(file)) {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				byte[] buffer = new byte[1 << 16];
				long bytes = 0;
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					digest.update(buffer, 0, n);
					bytes += n;
				}
				return new FileEntry(HexFormat.of().formatHex(digest.digest()), bytes);
			}
			catch (IOException ex) {
				throw new ArtifactException("cannot read " + file + ": " + ex.getMessage(), ex);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException("SHA-256 is not available", ex);
			}
		}

	}

	/**
	 * Checks every listed file against its checksum.
	 * @param dir the artifact directory
	 * @throws ArtifactException naming the first file that is missing or differs
	 */
	public void verify(Path dir) {
		for (Map.Entry<String, FileEntry> entry : this.files.entrySet()) {
			Path file = dir.resolve(entry.getKey());
			if (!Files.isRegularFile(file)) {
				throw new ArtifactException("artifact " + dir + " is incomplete: " + entry.getKey() + " is missing");
			}
			FileEntry actual = FileEntry.of(file);
			if (!actual.equals(entry.getValue())) {
				throw new ArtifactException("artifact " + dir + " is corrupt: checksum of " + entry.getKey() + " is "
						+ actual.sha256() + ", manifest says " + entry.getValue().sha256());
			}
		}
	}

}
