package io.seqrec.ranker.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import io.seqrec.http.Problems;

/**
 * Refuses request bodies the API cannot read, with a problem document, before they are
 * parsed: a body larger than the limit is a 413, at once when {@code Content-Length}
 * announces it, and after reading at most the limit and one byte when it comes in chunks
 * without a length (such a body is then handed on from memory); a body whose
 * {@code Content-Type} is malformed or a wildcard ({@code *}{@code /*}) is a 415.
 */
final class RequestBodyFilter extends OncePerRequestFilter {

	private final int limit;

	RequestBodyFilter(long limit) {
		this.limit = (int) Math.min(Integer.MAX_VALUE - 1, limit);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		boolean chunked = length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
		if ((length > 0 || chunked) && !readable(request.getContentType())) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"the Content-Type '" + request.getContentType() + "' names no concrete media type");
			return;
		}
		if (length > this.limit) {
			refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "the request body holds " + length
					+ " bytes; at most " + this.limit + " are accepted (seqrec.ranker.max-request-size)");
			return;
		}
		if (chunked) {
			byte[] body = request.getInputStream().readNBytes(this.limit + 1);
			if (body.length > this.limit) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
						"the request body is larger than " + this.limit + " bytes (seqrec.ranker.max-request-size)");
				return;
			}
			chain.doFilter(new BufferedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether a content type is absent (left to Spring MVC), or concrete and well formed.
	 */
	private static boolean readable(@Nullable String contentType) {
		if (contentType == null) {
			return true;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return !type.isWildcardType() && !type.isWildcardSubtype();
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		response.setStatus(status.value());
		response.setHeader(HttpHeaders.CONNECTION, "close");
		byte[] body = Problems.json(status.value(), status.getReasonPhrase(), detail, request.getRequestURI());
		response.setContentType(Problems.MEDIA_TYPE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/** A request whose body was read into memory. */
	private static final class BufferedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already in memory");
				}

			};
		}

	}

}
