package io.seqrec.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides MovieLens 100K as RecBole's atomic {@code ml-100k} dataset: uses
 * {@code <data_path>/ml-100k/ml-100k.inter} when present, otherwise downloads GroupLens'
 * {@code ml-100k.zip} and converts it.
 */
public final class MovieLens100k {

	/** The dataset name, as RecBole spells it. */
	public static final String DATASET = "ml-100k";

	/** GroupLens' archive. */
	public static final URI DEFAULT_URL = URI.create("https://files.grouplens.org/datasets/movielens/ml-100k.zip");

	private static final Logger logger = LoggerFactory.getLogger(MovieLens100k.class);

	private final URI url;

	private final Duration connectTimeout;

	private final Duration requestTimeout;

	/**
	 * Creates a provider for another download location (a mirror, or a test server).
	 * @param url the location of {@code ml-100k.zip}
	 * @param connectTimeout how long to wait for the connection
	 * @param requestTimeout how long to wait for the response to start
	 */
	MovieLens100k(URI url, Duration connectTimeout, Duration requestTimeout) {
		this.url = url;
		this.connectTimeout = connectTimeout;
		this.requestTimeout = requestTimeout;
	}

	/**
	 * Returns the atomic interaction file of ml-100k under {@code dataPath}, downloading
	 * and converting GroupLens' archive when it is not there yet.
	 * @param dataPath RecBole's {@code data_path}
	 * @return {@code dataPath/ml-100k/ml-100k.inter}
	 * @throws DataException if the file is absent and the download fails, saying how to
	 * provide the file by hand
	 */
	public static Path ensure(Path dataPath) {
		return new MovieLens100k(DEFAULT_URL, Duration.ofSeconds(10), Duration.ofMinutes(2)).ensureAt(dataPath);
	}

	/**
	 * Returns the interaction file under {@code dataPath}, downloading it from this
	 * provider's URL when absent.
	 */
	Path ensureAt(Path dataPath) {
		Path inter = AtomicFileReader.interFile(dataPath, DATASET);
		if (Files.isRegularFile(inter)) {
			return inter;
		}
		logger.info("{} not found; downloading {}", inter, this.url);
		HttpClient client = HttpClient.newBuilder()
			.connectTimeout(this.connectTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		HttpRequest request = HttpRequest.newBuilder(this.url).timeout(this.requestTimeout).GET().build();
		try {
			HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new IOException("HTTP status " + response.statusCode());
				}
				Path converted = convert(body, inter.getParent());
				logger.info("wrote {}", converted);
				return converted;
			}
		}
		catch (IOException ex) {
			String message = ex.getMessage();
			throw failure(inter, (message != null && !message.isBlank()) ? message : ex.getClass().getSimpleName(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure(inter, "interrupted", ex);
		}
		catch (DataException ex) {
			throw failure(inter, ex.getMessage(), ex);
		}
	}

	/**
	 * Converts GroupLens' {@code ml-100k.zip} ({@code ml-100k/u.data}, and
	 * {@code u.item}, {@code u.user} when present) into RecBole's atomic files in
	 * {@code targetDir}.
	 * @param zip the archive's bytes
	 * @param targetDir the dataset directory, {@code <data_path>/ml-100k}
	 * @return the written {@code ml-100k.inter}
	 * @throws IOException if reading or writing fails
	 * @throws DataException if the archive has no {@code u.data} or a malformed line
	 */
	static Path convert(InputStream zip, Path targetDir) throws IOException {
		return MovieLensConverter.convert(zip, targetDir);
	}

	private DataException failure(Path inter, String reason, Throwable cause) {
		return new DataException("download of " + this.url + " failed (" + reason + "); provide the file yourself:"
				+ " run with --data-path DIR where DIR/" + DATASET + "/" + DATASET + ".inter is a RecBole atomic file"
				+ " (TAB-separated, header " + MovieLensConverter.INTER_HEADER.replace("\t", " ")
				+ ", one line per rating as in u.data); expected at " + inter, cause);
	}

}
