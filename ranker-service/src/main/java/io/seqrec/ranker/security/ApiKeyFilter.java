package io.seqrec.ranker.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses requests without a valid {@code X-API-Key} header with a 401 problem document.
 * Health, info and Prometheus metrics, and the OpenAPI documents and Swagger UI, are
 * open.
 */
public final class ApiKeyFilter extends OncePerRequestFilter {

	/** The header that carries the key. */
	public static final String HEADER = "X-API-Key";

	private static final String[] OPEN_PREFIXES = { "/actuator/health", "/actuator/info", "/actuator/prometheus",
			"/v3/api-docs", "/swagger-ui" };

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ApiKeys keys;

	/**
	 * Creates the filter.
	 * @param keys the accepted keys
	 */
	public ApiKeyFilter(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// the container's decoded, normalized path: "/actuator/health/../../v1/..." is
		// not open
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		for (String open : OPEN_PREFIXES) {
			if (path.startsWith(open)) {
				return path.length() == open.length() || path.charAt(open.length()) == '/'
						|| path.charAt(open.length()) == '.';
			}
		}
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.keys.accepts(request.getHeader(HEADER))) {
			chain.doFilter(request, response);
			return;
		}
		boolean missing = request.getHeader(HEADER) == null;
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", "Unauthorized");
		problem.put("status", HttpStatus.UNAUTHORIZED.value());
		problem.put("detail",
				missing ? "the " + HEADER + " header is missing" : "the " + HEADER + " header holds no valid key");
		problem.put("instance", request.getRequestURI());
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
