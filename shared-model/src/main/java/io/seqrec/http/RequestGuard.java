package io.seqrec.http;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decides, before anything else reads a request, whether it may go on: its path must be
 * canonical ({@link RequestPaths#isCanonical}), and unless it lies under an open prefix
 * (health, metrics, API documentation) it must carry an accepted key in {@value #HEADER}.
 * The services' servlet filters apply the decision.
 */
public final class RequestGuard {

	/** The header that carries the key. */
	public static final String HEADER = "X-API-Key";

	/** The challenge sent with a 401, naming the header. */
	public static final String CHALLENGE = "ApiKey header=\"" + HEADER + "\"";

	private final ApiKeys keys;

	private final List<String> openPrefixes;

	/**
	 * Creates a guard.
	 * @param keys the accepted keys
	 * @param openPrefixes paths open without a key (each covers what lies below it)
	 */
	public RequestGuard(ApiKeys keys, List<String> openPrefixes) {
		this.keys = keys;
		this.openPrefixes = List.copyOf(openPrefixes);
	}

	/**
	 * Why a request is refused.
	 *
	 * @param status the HTTP status (400 or 401)
	 * @param title the status's short description
	 * @param detail what is wrong with this request
	 */
	public record Refusal(int status, String title, String detail) {
	}

	/**
	 * Checks a request.
	 * @param rawPath the request URI's path as sent (still percent-encoded)
	 * @param path the same path decoded and normalized by the servlet container
	 * @param key the key header's value, or null if absent
	 * @return null if the request may go on, otherwise why not
	 */
	public @Nullable Refusal check(String rawPath, String path, @Nullable String key) {
		if (!RequestPaths.isCanonical(rawPath)) {
			return new Refusal(400, "Bad Request",
					"the request path is not canonical (it has dot or empty segments, path parameters or an "
							+ "encoded separator)");
		}
		for (String open : this.openPrefixes) {
			if (RequestPaths.isUnder(path, open)) {
				return null;
			}
		}
		if (this.keys.accepts(key)) {
			return null;
		}
		return new Refusal(401, "Unauthorized", (key == null) ? "the " + HEADER + " header is missing"
				: "the " + HEADER + " header holds no valid key");
	}

}
