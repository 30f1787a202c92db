package io.seqrec.ranker.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies that come in chunks, without a length, are measured while they are read.
 */
class BodyLimitFilterTests {

	private final BodyLimitFilter filter = new BodyLimitFilter(100);

	private static MockHttpServletRequest chunked(int bytes) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/recommendations") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

		};
		request.addHeader("Transfer-Encoding", "chunked");
		request.setContent("x".repeat(bytes).getBytes(StandardCharsets.UTF_8));
		return request;
	}

	@Test
	void aChunkedBodyOverTheLimitIs413() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<ServletRequest> passed = new AtomicReference<>();
		this.filter.doFilter(chunked(101), response, (request, ignored) -> passed.set(request));
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":413");
		assertThat(passed.get()).isNull();
	}

	@Test
	void aChunkedBodyWithinTheLimitIsHandedOnWhole() throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> body = new AtomicReference<>();
		this.filter.doFilter(chunked(100), response, (request, ignored) -> body
			.set(new String(((HttpServletRequest) request).getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(body.get()).isEqualTo("x".repeat(100));
	}

}
