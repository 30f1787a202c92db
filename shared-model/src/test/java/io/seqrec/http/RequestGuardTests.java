package io.seqrec.http;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestGuardTests {

	private final RequestGuard guard = new RequestGuard(new ApiKeys(List.of("admin-key"), null, "test.api-keys"),
			List.of("/actuator/health", "/v3/api-docs"));

	@Test
	void aValidKeyOpensTheApi() {
		assertThat(this.guard.check("/v1/training-runs", "/v1/training-runs", "admin-key")).isNull();
	}

	@Test
	void aMissingOrWrongKeyIs401() {
		RequestGuard.Refusal missing = this.guard.check("/v1/training-runs", "/v1/training-runs", null);
		assertThat(missing.status()).isEqualTo(401);
		assertThat(missing.detail()).contains("missing");
		RequestGuard.Refusal wrong = this.guard.check("/v1/models", "/v1/models", "admin-kez");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.detail()).contains("no valid key");
		assertThat(this.guard.check("/nothing", "/nothing", null).status()).isEqualTo(401);
	}

	@Test
	void openPathsNeedNoKey() {
		assertThat(this.guard.check("/actuator/health/liveness", "/actuator/health/liveness", null)).isNull();
		assertThat(this.guard.check("/v3/api-docs", "/v3/api-docs", null)).isNull();
	}

	@Test
	void aPathThatLeavesAnOpenPrefixIsNotOpen() {
		RequestGuard.Refusal refusal = this.guard.check("/actuator/health/..;/..;/v1/training-runs",
				"/v1/training-runs", "admin-key");
		assertThat(refusal.status()).isEqualTo(400);
		assertThat(this.guard.check("/actuator/health/%2e%2e/%2e%2e/v1/models", "/v1/models", null).status())
			.isEqualTo(400);
	}

}
