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
 * Bodies that come in chunks, without a length, are measured while they are read; bodies
 * of no concrete media type are refused.
 */
class RequestBodyFilterTests {

	private final RequestBodyFilter filter = new RequestBodyFilter(100);

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

	@Test
	void aBodyOfAWildcardOrMalformedTypeIs415() throws ServletException, IOException {
		for (String type : new String[] { "*/*", "application/*", "json", "application/json; charset=no-such" }) {
			MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/recommendations");
			request.setContentType(type);
			request.setContent("{}".getBytes(StandardCharsets.UTF_8));
			MockHttpServletResponse response = new MockHttpServletResponse();
			AtomicReference<ServletRequest> passed = new AtomicReference<>();
			this.filter.doFilter(request, response, (handed, ignored) -> passed.set(handed));
			assertThat(response.getStatus()).as(type).isEqualTo(415);
			assertThat(response.getContentType()).isEqualTo("application/problem+json");
			assertThat(passed.get()).isNull();
		}
	}

}
