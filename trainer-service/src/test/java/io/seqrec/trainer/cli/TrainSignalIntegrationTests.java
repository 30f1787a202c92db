package io.seqrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
		try (ChildCommand train = new ChildCommand(this.dir, "train", "--model", "SASRec", "--dataset", "tiny",
				"--data-path", data.toString(), "--epochs=100000", "--stopping_step=100000", "--hidden_size=16",
				"--inner_size=32", "--MAX_ITEM_LIST_LENGTH=5", "--output", output.toString())) {
			train.awaitLine((line) -> line.startsWith("epoch 3 evaluating"));
			int status = train.terminate();
			String printed = train.printed();
			assertThat(status).as(printed).isEqualTo(128 + 15);
			assertThat(printed).contains("stopping after the current batch", "test result: OrderedDict([('recall@10', ",
					"wrote " + output.resolve("result.json"));
			assertThat(output.resolve("result.json")).isNotEmptyFile();
			assertThat(train.crashed()).isFalse();
		}
	}

}
