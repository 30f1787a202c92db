package io.seqrec.testsupport.redis;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit side of {@link EmbeddedRedis}: starts the JVM's server if needed (also after
 * a test left it stopped), empties it before each test class, and resolves
 * {@link EmbeddedRedisServer} parameters.
 */
public final class EmbeddedRedisExtension implements BeforeAllCallback, ParameterResolver {

	@Override
	public void beforeAll(ExtensionContext context) {
		EmbeddedRedisServer server = EmbeddedRedisServer.shared();
		server.ensureRunning();
		server.flushAll();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == EmbeddedRedisServer.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return EmbeddedRedisServer.shared();
	}

}
