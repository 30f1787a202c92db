package io.seqrec.trainer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A {@code seqrec} command in a JVM of its own, for the tests that signal it: what it
 * prints is collected line by line, and a signal goes through the process handle, since
 * {@code Process.destroy()} would also close the pipes and lose what the JVM prints while
 * it stops.
 */
final class ChildCommand implements AutoCloseable {

	private final Process process;

	private final Thread reader;

	private final List<String> lines = new CopyOnWriteArrayList<>();

	private final Path dir;

	/**
	 * Starts the command.
	 * @param dir the working directory (where a crashing JVM would leave its hs_err file)
	 * @param args the command's arguments
	 * @throws IOException if the JVM cannot start
	 */
	ChildCommand(Path dir, String... args) throws IOException {
		this.dir = dir;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp",
				System.getProperty("java.class.path"), Main.class.getName()));
		command.addAll(List.of(args));
		this.process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
		this.reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				in.lines().forEach(this.lines::add);
			}
			catch (IOException ex) {
				this.lines.add("reading failed: " + ex);
			}
		});
		this.reader.start();
	}

	/** Waits, at most two minutes, until a printed line matches. */
	void awaitLine(Predicate<String> line) {
		await().atMost(Duration.ofMinutes(2)).until(() -> this.lines.stream().anyMatch(line));
	}

	/**
	 * Sends SIGTERM (what Ctrl-C and a container stop send) and waits for the JVM to end.
	 * @return the exit status
	 * @throws InterruptedException if interrupted while waiting
	 */
	int terminate() throws InterruptedException {
		assertThat(this.process.toHandle().destroy()).isTrue();
		assertThat(this.process.waitFor(150, TimeUnit.SECONDS)).as(printed()).isTrue();
		this.reader.join(10_000);
		return this.process.exitValue();
	}

	/** Everything printed so far. */
	String printed() {
		return String.join("\n", this.lines);
	}

	/** Whether the JVM left a crash report in its working directory. */
	boolean crashed() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.anyMatch((file) -> file.getFileName().toString().startsWith("hs_err"));
		}
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
