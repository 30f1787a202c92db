package io.seqrec.http;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Applies a {@link RequestGuard} to every request before anything reads it: a path that
 * is not canonical is a 400, a request without a valid key a 401 (with a challenge that
 * names the header), both as problem documents. The ranker and the trainer register it
 * first in their filter chains, each with its own keys and open paths.
 */
public final class ApiKeyFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient RequestGuard guard;

	/**
	 * Creates the filter.
	 * @param guard the guard
	 */
	public ApiKeyFilter(RequestGuard guard) {
		this.guard = guard;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		// the container's decoded, normalized path decides what is open
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		RequestGuard.Refusal refusal = this.guard.check(request.getRequestURI(), path,
				request.getHeader(RequestGuard.HEADER));
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (refusal.status() == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader("WWW-Authenticate", RequestGuard.CHALLENGE);
		}
		byte[] body = Problems.json(refusal.status(), refusal.title(), refusal.detail(), request.getRequestURI());
		response.setStatus(refusal.status());
		response.setContentType(Problems.MEDIA_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
