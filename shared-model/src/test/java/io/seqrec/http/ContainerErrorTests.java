package io.seqrec.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerErrorTests {

	@Test
	void aClientErrorKeepsItsStatusAndMessage() {
		assertThat(ContainerError.of(400, "GET", "Invalid URI"))
			.isEqualTo(new ContainerError(400, "Invalid URI", null));
	}

	@Test
	void aServerErrorSaysNothingOfItsCause() {
		assertThat(ContainerError.of(500, "POST", "java.lang.IllegalStateException: at Foo.bar"))
			.isEqualTo(new ContainerError(500, null, null));
	}

	@Test
	void connectIsAMethodNotAllowedNotAServerError() {
		ContainerError error = ContainerError.of(501, "CONNECT", "CONNECT not supported");
		assertThat(error.status()).isEqualTo(405);
		assertThat(error.allow()).contains("GET");
		assertThat(ContainerError.of(501, "FOO", null).status()).isEqualTo(501);
	}

}
