package io.seqrec.trainer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.config.ConfigSchema;
import io.seqrec.model.ModelRegistry;

import static org.assertj.core.api.Assertions.assertThat;

class SeqrecCommandTests {

	@TempDir
	Path data;

	@TempDir
	Path output;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeEach
	void writeDataset() throws IOException {
		TinyDataset.write(this.data);
	}

	private void write(String dataset, String content) throws IOException {
		Files.createDirectories(this.data.resolve(dataset));
		Files.writeString(this.data.resolve(dataset).resolve(dataset + ".inter"), content);
	}

	private int run(String... args) {
		CommandLine commandLine = SeqrecCommand.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	private List<String> tiny(String model, String... extra) {
		List<String> args = new ArrayList<>(List.of("train", "--model", model, "--dataset", "tiny", "--data-path",
				this.data.toString(), "--epochs=2", "--hidden_size=16", "--inner_size=32", "--MAX_ITEM_LIST_LENGTH=5"));
		args.addAll(List.of(extra));
		return args;
	}

	private void assertOneLineError(String... fragments) {
		String text = this.err.toString();
		assertThat(text.strip().lines()).hasSize(1);
		assertThat(text).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
		for (String fragment : fragments) {
			assertThat(text).contains(fragment);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "SASRec", "BERT4Rec", "FEARec" })
	void trainPrintsRecBoleLinesAndWritesResultAndArtifactThatEvaluateReproduces(String model) throws IOException {
		trainThenEvaluate(model, tiny(model, "--output", this.output.toString()));
	}

	@Test
	void sineTrainsFromTheCommandLineAndItsArtifactEvaluates() throws IOException {
		String printed = trainThenEvaluate("SINE",
				List.of("train", "--model", "SINE", "--dataset", "tiny", "--data-path", this.data.toString(),
						"--epochs=2", "--embedding_size=16", "--prototype_size=10", "--MAX_ITEM_LIST_LENGTH=5",
						"--loss_type=NLL", "--output", this.output.toString()));
		assertThat(printed).contains("SINE Hyper Parameters:", "reg_loss_ratio = 0.5", "loss_type = NLL");
	}

	/**
	 * Trains, checks the output and the result file, evaluates; returns what train
	 * printed.
	 */
	private String trainThenEvaluate(String model, List<String> trainArgs) throws IOException {
		Path report = this.output.resolve("report.html");
		List<String> args = new ArrayList<>(trainArgs);
		args.addAll(List.of("--report", report.toString()));
		int code = run(args.toArray(String[]::new));
		assertThat(code).as(this.err.toString()).isZero();
		String printed = this.out.toString();
		assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>")
			.contains("uPlot", "\"kind\":\"run\"", "\"bestEpoch\":")
			.doesNotContain("<script src");
		assertThat(printed).contains("epoch 0 training [time: ", "epoch 1 evaluating [time: ", "valid result: ",
				"Finished training, best eval result in epoch ", "best valid : OrderedDict([('recall@10', ");
		String testLine = printed.lines().filter((l) -> l.startsWith("test result: ")).findFirst().orElseThrow();
		Map<String, Object> result = JsonMapper.builder()
			.build()
			.readValue(this.output.resolve("result.json").toFile(), new TypeReference<Map<String, Object>>() {
			});
		assertThat(result).containsKeys("model", "config", "best_valid", "test", "best_epoch", "epochs_run",
				"train_seconds");
		assertThat(result.get("model")).isEqualTo(model);
		assertThat(result.get("epochs_run")).isEqualTo(2);
		assertThat(this.output.resolve("artifact/manifest.json")).exists();

		this.out.getBuffer().setLength(0);
		code = run("evaluate", "--artifact", this.output.toString(), "--data-path", this.data.toString());
		assertThat(code).as(this.err.toString()).isZero();
		assertThat(this.out.toString()).contains(testLine);
		return printed;
	}

	@Test
	void fearecInAllPositionsModeIsAOneLineErrorBeforeAnyDataIsRead() {
		int code = run("train", "--model", "FEARec", "--dataset", "absent", "--data-path", this.data.toString(),
				"--train_mode=all_positions");
		assertThat(code).isEqualTo(2);
		assertOneLineError("train_mode all_positions does not apply to FEARec", "use train_mode prefix");
		assertThat(this.err.toString()).doesNotContain("absent");
	}

	@Test
	void missingDatasetIsAOneLineError() {
		int code = run("train", "--model", "SASRec", "--dataset", "absent", "--data-path", this.data.toString());
		assertThat(code).isEqualTo(2);
		assertOneLineError("absent.inter");
	}

	@Test
	void malformedHeaderIsAOneLineError() throws IOException {
		write("broken", "user_id\titem_id:token\ttimestamp:float\nu1\ti1\t1\n");
		int code = run("train", "--model", "SASRec", "--dataset", "broken", "--data-path", this.data.toString());
		assertThat(code).isEqualTo(2);
		assertOneLineError("broken.inter");
	}

	@Test
	void malformedRowNamesTheLine() throws IOException {
		write("rows", "user_id:token\titem_id:token\ttimestamp:float\nu1\ti1\t1\nu1\ti2\n");
		int code = run("train", "--model", "SASRec", "--dataset", "rows", "--data-path", this.data.toString());
		assertThat(code).isEqualTo(2);
		assertOneLineError("rows.inter", "3");
	}

	@Test
	void unknownModelIsAOneLineError() {
		int code = run("train", "--model", "GRU4Rec", "--dataset", "tiny", "--data-path", this.data.toString());
		assertThat(code).isEqualTo(2);
		assertOneLineError("GRU4Rec", "SASRec");
	}

	@Test
	void aModelThatIsNotImplementedFailsBeforeAnyDataIsRead() {
		// every model with shipped defaults that the registry cannot build yet
		for (String model : ConfigSchema.MODEL_FILES) {
			if (!ModelRegistry.names().contains(model)) {
				this.out.getBuffer().setLength(0);
				this.err.getBuffer().setLength(0);
				int code = run("train", "--model", model, "--dataset", "absent", "--data-path", this.data.toString());
				assertThat(code).isEqualTo(2);
				assertOneLineError(model + "' is not implemented", String.join(", ", ModelRegistry.names()));
				assertThat(this.err.toString()).doesNotContain("absent");
			}
		}
	}

	@Test
	void unknownKeyIsAOneLineErrorWithASuggestion() {
		int code = run(tiny("SASRec", "--hiden_size=32").toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertOneLineError("hiden_size", "hidden_size");
	}

	@Test
	void wrongTypeIsAOneLineError() {
		int code = run(tiny("SASRec", "--epochs=ten").toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertOneLineError("epochs", "ten");
	}

	@Test
	void emptyDataAfterFilteringIsAOneLineError() {
		int code = run(tiny("SASRec", "--user_inter_num_interval=[100,inf)").toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertOneLineError();
	}

	@Test
	void argumentsThatAreNotKeyValueAreRejected() {
		int code = run(tiny("SASRec", "--epochs", "3").toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertOneLineError("--key=value");
	}

	@Test
	void corruptArtifactIsRefused() throws IOException {
		assertThat(run(tiny("SASRec", "--output", this.output.toString()).toArray(String[]::new))).isZero();
		Path params = this.output.resolve("artifact/model-0000.params");
		byte[] bytes = Files.readAllBytes(params);
		bytes[bytes.length / 2] ^= 0x01;
		Files.write(params, bytes);
		int code = run("evaluate", "--artifact", this.output.resolve("artifact").toString(), "--data-path",
				this.data.toString());
		assertThat(code).isEqualTo(2);
		assertOneLineError("corrupt", "model-0000.params");
	}

}
