package io.seqrec.trainer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM (what Ctrl-C and a container stop send) during {@code seqrec train}, in a JVM
 * of its own: the run stops after its batch, the best model so far is tested and written,
 * and the JVM exits with the signal's status instead of crashing in libtorch.
 */
@Timeout(180)
@EnabledOnOs(OS.LINUX)
class TrainSignalIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aSignalStopsTheRunWhichIsTestedAndWrittenBeforeTheJvmExits() throws IOException, InterruptedException {
		Path data = this.dir.resolve("data");
		TinyDataset.write(data);
		Path output = this.dir.resolve("out");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(java, "-Dai.djl.offline=true", "-cp",
				System.getProperty("java.class.path"), Main.class.getName(), "train", "--model", "SASRec", "--dataset",
				"tiny", "--data-path", data.toString(), "--epochs=100000", "--stopping_step=100000", "--hidden_size=16",
				"--inner_size=32", "--MAX_ITEM_LIST_LENGTH=5", "--output", output.toString())
			.directory(this.dir.toFile())
			.redirectErrorStream(true)
			.start();
		List<String> lines = new CopyOnWriteArrayList<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				in.lines().forEach(lines::add);
			}
			catch (IOException ex) {
				lines.add("reading failed: " + ex);
			}
		});
		reader.start();
		try {
			await().atMost(Duration.ofMinutes(2))
				.until(() -> lines.stream().anyMatch((line) -> line.startsWith("epoch 3 evaluating")));
			// SIGTERM through the handle: Process.destroy() would also close the pipes
			// and lose what the JVM prints while it stops
			assertThat(process.toHandle().destroy()).isTrue();
			assertThat(process.waitFor(150, TimeUnit.SECONDS)).isTrue();
			reader.join(10_000);
			String printed = String.join("\n", lines);
			assertThat(process.exitValue()).as(printed).isEqualTo(128 + 15);
			assertThat(printed).contains("stopping after the current batch", "test result: OrderedDict([('recall@10', ",
					"wrote " + output.resolve("result.json"));
			assertThat(output.resolve("result.json")).isNotEmptyFile();
			try (Stream<Path> files = Files.list(this.dir)) {
				assertThat(files.map((file) -> file.getFileName().toString()))
					.noneMatch((name) -> name.startsWith("hs_err"));
			}
		}
		finally {
			process.destroyForcibly();
		}
	}

}
