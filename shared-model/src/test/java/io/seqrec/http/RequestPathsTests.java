package io.seqrec.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestPathsTests {

	@Test
	void plainPathsAreCanonical() {
		assertThat(RequestPaths.isCanonical("/v1/users/user-42/recommendations")).isTrue();
		assertThat(RequestPaths.isCanonical("/v1/users/%C3%A9t%C3%A9/recommendations")).isTrue();
		assertThat(RequestPaths.isCanonical("/v1/users/a.b..c/recommendations")).isTrue();
		assertThat(RequestPaths.isCanonical("/")).isTrue();
	}

	@Test
	void dotSegmentsPathParametersAndEncodedSeparatorsAreNot() {
		assertThat(RequestPaths.isCanonical("/actuator/health/..;/..;/v1/users/u/recommendations")).isFalse();
		assertThat(RequestPaths.isCanonical("/actuator/health/../../v1/models")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/models/%2e%2E/x")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/./models")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/models/..")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/models;jsessionid=1")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1//models")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/models/a%2Fb")).isFalse();
		assertThat(RequestPaths.isCanonical("/v1/models/a%5cb")).isFalse();
		assertThat(RequestPaths.isCanonical("v1/models")).isFalse();
		assertThat(RequestPaths.isCanonical("")).isFalse();
	}

	@Test
	void aPrefixCoversItselfAndWhatLiesBelowIt() {
		assertThat(RequestPaths.isUnder("/actuator/health", "/actuator/health")).isTrue();
		assertThat(RequestPaths.isUnder("/actuator/health/liveness", "/actuator/health")).isTrue();
		assertThat(RequestPaths.isUnder("/v3/api-docs.yaml", "/v3/api-docs")).isTrue();
		assertThat(RequestPaths.isUnder("/actuator/healthy", "/actuator/health")).isFalse();
		assertThat(RequestPaths.isUnder("/v1/actuator/health", "/actuator/health")).isFalse();
	}

}
