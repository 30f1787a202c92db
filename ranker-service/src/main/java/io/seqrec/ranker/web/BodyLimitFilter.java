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
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.seqrec.http.Problems;

/**
 * Refuses a request body larger than the limit with a 413 problem document before it is
 * parsed: at once when {@code Content-Length} announces it, and after reading at most the
 * limit and one byte when it comes in chunks without a length (such a body is then handed
 * on from memory).
 */
final class BodyLimitFilter extends OncePerRequestFilter {

	private final int limit;

	BodyLimitFilter(long limit) {
		this.limit = (int) Math.min(Integer.MAX_VALUE - 1, limit);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.limit) {
			refuse(request, response, "the request body holds " + length + " bytes; at most " + this.limit
					+ " are accepted (seqrec.ranker.max-request-size)");
			return;
		}
		if (length < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
			byte[] body = request.getInputStream().readNBytes(this.limit + 1);
			if (body.length > this.limit) {
				refuse(request, response,
						"the request body is larger than " + this.limit + " bytes (seqrec.ranker.max-request-size)");
				return;
			}
			chain.doFilter(new BufferedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
			throws IOException {
		HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
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
