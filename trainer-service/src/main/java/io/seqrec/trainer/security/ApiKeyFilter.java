package io.seqrec.trainer.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.seqrec.http.Problems;
import io.seqrec.http.RequestGuard;

/**
 * Applies the {@link RequestGuard} to every request: a path that is not canonical is a
 * 400, an API call without a valid admin key in {@code X-API-Key} a 401, both as problem
 * documents. Health, info and Prometheus metrics are open.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

	private final RequestGuard guard;

	ApiKeyFilter(RequestGuard guard) {
		this.guard = guard;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		RequestGuard.Refusal refusal = this.guard.check(request.getRequestURI(), path,
				request.getHeader(RequestGuard.HEADER));
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		if (refusal.status() == HttpServletResponse.SC_UNAUTHORIZED) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, RequestGuard.CHALLENGE);
		}
		byte[] body = Problems.json(refusal.status(), refusal.title(), refusal.detail(), request.getRequestURI());
		response.setStatus(refusal.status());
		response.setContentType(Problems.MEDIA_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
