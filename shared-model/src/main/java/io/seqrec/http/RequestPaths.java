package io.seqrec.http;

import java.util.Locale;

/**
 * Rules on request paths that both HTTP services apply before anything else.
 */
public final class RequestPaths {

	private RequestPaths() {
	}

	/**
	 * Whether a request path, as sent (still percent-encoded, without the query), names
	 * its resource in one way only: no path parameters ({@code ;}), no empty segments, no
	 * {@code .} or {@code ..} segments (also percent-encoded), no encoded slash or
	 * backslash. The servlet container normalizes such paths for its own mapping while
	 * Spring MVC matches the path as sent, so a path like
	 * {@code /actuator/health/..;/..;/v1/...} would be read differently by the two.
	 * @param rawPath the request URI's path
	 * @return true if it is canonical
	 */
	public static boolean isCanonical(String rawPath) {
		if (rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.indexOf(';') >= 0 || rawPath.contains("//")
				|| rawPath.indexOf('\\') >= 0) {
			return false;
		}
		String lower = rawPath.toLowerCase(Locale.ROOT);
		if (lower.contains("%2f") || lower.contains("%5c")) {
			return false;
		}
		for (String segment : lower.replace("%2e", ".").split("/", -1)) {
			if (segment.equals(".") || segment.equals("..")) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a path is a prefix or lies below it: {@code /actuator/health} covers
	 * {@code /actuator/health/liveness} and {@code /v3/api-docs} covers
	 * {@code /v3/api-docs.yaml}, but {@code /actuator/healthy} is not covered.
	 * @param path a decoded, normalized path
	 * @param prefix the prefix
	 * @return true if the path is the prefix or below it
	 */
	public static boolean isUnder(String path, String prefix) {
		if (!path.startsWith(prefix)) {
			return false;
		}
		return path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
				|| path.charAt(prefix.length()) == '.';
	}

}
