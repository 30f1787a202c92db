package io.seqrec.http;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem documents for answers that Spring MVC's {@code ProblemDetail} support
 * never sees: requests refused by a servlet filter, and errors of the servlet container
 * itself (an undecodable URL, a request line it rejects).
 */
public final class Problems {

	/** The media type of a problem document. */
	public static final String MEDIA_TYPE = "application/problem+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	/**
	 * A problem document.
	 * @param status the HTTP status
	 * @param title the status's short description
	 * @param detail what went wrong with this request, or null
	 * @param instance the request path, or null
	 * @return the document as UTF-8 JSON
	 */
	public static byte[] json(int status, String title, @Nullable String detail, @Nullable String instance) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status);
		if (detail != null && !detail.isBlank()) {
			problem.put("detail", detail);
		}
		if (instance != null && !instance.isBlank()) {
			problem.put("instance", instance);
		}
		return JSON.writeValueAsBytes(problem);
	}

}
