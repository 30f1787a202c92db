package io.seqrec.testsupport.redis;

import io.lettuce.core.api.StatefulRedisConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two test classes write to the server and check it is empty when they start: whichever
 * runs second shows that a class starts from an empty database.
 */
final class EmptyAtStart {

	private EmptyAtStart() {
	}

	static void assertEmpty(EmbeddedRedisServer server) {
		try (StatefulRedisConnection<String, String> connection = server.connect()) {
			assertThat(connection.sync().dbsize()).isZero();
		}
	}

}
