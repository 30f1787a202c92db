package io.seqrec.ingest.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;

/**
 * A Lua script of the writer, loaded from the classpath, whose SHA is cached and loaded
 * again after Redis lost its script cache (a restart).
 */
final class LuaScript {

	private final String name;

	private final String text;

	private volatile String sha = "";

	LuaScript(String name) {
		this.name = name;
		try (InputStream in = LuaScript.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException(name + " is missing from the classpath");
			}
			this.text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The script's SHA, loading it into Redis first if needed.
	 * @param session the session to load it on
	 * @return the SHA to call EVALSHA with
	 */
	String sha(RedisCommandsSession session) {
		String current = this.sha;
		if (current.isEmpty()) {
			RedisFuture<String> load = session.commands().scriptLoad(this.text);
			session.flush();
			current = RedisReplies.await(load, "SCRIPT LOAD " + this.name);
			this.sha = current;
		}
		return current;
	}

	/**
	 * Forgets the SHA when Redis no longer knows the script, so the retried batch loads
	 * it.
	 * @param failure the failure of a call
	 */
	void forgetIfUnknown(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisNoScriptException) {
				this.sha = "";
				return;
			}
		}
	}

}
