package io.seqrec.launcher.bench.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.seqrec.ingest.IngestApplication;
import io.seqrec.launcher.bench.ChildJvm;

/**
 * The ingest service in a JVM of its own, as it runs in a deployment, so that it can be
 * killed as a crash kills it: SIGKILL, no shutdown hook, no last commit.
 */
final class IngestProcess implements AutoCloseable {

	private final Process process;

	private IngestProcess(Process process) {
		this.process = process;
	}

	/**
	 * Starts the service.
	 * @param settings {@code key=value} settings, passed as command-line arguments
	 * @param log the file its output is appended to
	 * @return the running process
	 * @throws IOException if it cannot be started
	 */
	static IngestProcess start(List<String> settings, Path log) throws IOException {
		List<String> args = new ArrayList<>(List.of("--logging.config=classpath:seqrec-cli-logback.xml",
				"--spring.main.banner-mode=off", "--server.port=0"));
		settings.forEach((setting) -> args.add("--" + setting));
		Process process = new ProcessBuilder(ChildJvm.command(IngestApplication.class, List.of("-Xmx512m"), args))
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		return new IngestProcess(process);
	}

	/**
	 * Kills the process with SIGKILL and waits until it is gone.
	 * @throws InterruptedException if interrupted
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			kill();
		}
	}

}
