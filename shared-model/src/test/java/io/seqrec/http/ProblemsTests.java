package io.seqrec.http;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTests {

	@Test
	void aProblemDocumentCarriesStatusTitleDetailAndInstance() {
		String json = new String(Problems.json(413, "Content Too Large", "the body holds 2000000 bytes", "/v1/x"),
				StandardCharsets.UTF_8);
		assertThat(json).isEqualTo("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
				+ "\"detail\":\"the body holds 2000000 bytes\",\"instance\":\"/v1/x\"}");
	}

	@Test
	void blankDetailAndInstanceAreLeftOut() {
		assertThat(new String(Problems.json(400, "Bad Request", " ", null), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400}");
	}

}
