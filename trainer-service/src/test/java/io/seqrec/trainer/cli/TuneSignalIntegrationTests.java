package io.seqrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM during {@code seqrec tune}, in a JVM of its own: no trial starts any more, the
 * running trial stops after its batch, the trials recorded so far are written, and the
 * JVM exits with the signal's status.
 */
@Timeout(180)
@EnabledOnOs(OS.LINUX)
class TuneSignalIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void aSignalEndsTheSearchWithTheTrialsRecordedSoFarWritten() throws IOException, InterruptedException {
		Path data = this.dir.resolve("data");
		TinyDataset.write(data);
		// with this seed the grid's random order runs the one-epoch trial first and the
		// endless one second
		Path params = Files.writeString(this.dir.resolve("hyper.test"), "epochs choice [1,100000]\n");
		Path result = this.dir.resolve("hyper.result");
		try (ChildCommand tune = new ChildCommand(this.dir, "tune", "--model", "SASRec", "--dataset", "tiny",
				"--data-path", data.toString(), "--params-file", params.toString(), "--output-file", result.toString(),
				"--search-seed", "2", "--stopping_step=100000", "--hidden_size=16", "--inner_size=32",
				"--MAX_ITEM_LIST_LENGTH=5")) {
			tune.awaitLine((line) -> line.startsWith("running parameters: {'epochs': 1}"));
			// the second trial started as the first ended: let it train a little
			Thread.sleep(2_000);
			int status = tune.terminate();
			String printed = tune.printed();
			assertThat(status).as(printed).isEqualTo(128 + 15);
			assertThat(printed).contains("stopping: no trial starts any more",
					"1 trials (0 stopped by asha, 0 failed), stopped by a signal",
					"(1 trials unrecorded at the stop dropped)");
			assertThat(Files.readString(result)).startsWith("epochs:1\n").doesNotContain("100000");
			JsonNode json = JsonMapper.builder().build().readTree(this.dir.resolve("tune.json").toFile());
			assertThat(json.path("interrupted").asBoolean()).isTrue();
			assertThat(json.path("trials")).hasSize(1);
			assertThat(tune.crashed()).isFalse();
		}
	}

}
