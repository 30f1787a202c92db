package io.seqrec.trainer.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.data.PlantedSequences;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code seqrec tune} end to end on a tiny planted dataset.
 */
class TuneCommandTests {

	@TempDir
	static Path data;

	@TempDir
	Path work;

	private final StringWriter out = new StringWriter();

	private final StringWriter err = new StringWriter();

	@BeforeAll
	static void writeDataset() {
		PlantedSequences.cycle(30).writeAtomic(data, "planted", 60, 10, 0.1, 5);
	}

	private int run(String... args) {
		CommandLine commandLine = SeqrecCommand.commandLine();
		commandLine.setOut(new PrintWriter(this.out, true));
		commandLine.setErr(new PrintWriter(this.err, true));
		return commandLine.execute(args);
	}

	private Path params(String... lines) throws IOException {
		Path file = this.work.resolve("hyper.test");
		Files.writeString(file, String.join("\n", lines) + "\n");
		return file;
	}

	private List<String> tune(Path params, String... extra) {
		List<String> args = new ArrayList<>(List.of("tune", "--model", "SASRec", "--dataset", "planted", "--data-path",
				data.toString(), "--params-file", params.toString(), "--output-file",
				this.work.resolve("hyper.result").toString(), "--epochs=2", "--hidden_size=16", "--inner_size=32",
				"--MAX_ITEM_LIST_LENGTH=6", "--train_mode=all_positions"));
		args.addAll(List.of(extra));
		return args;
	}

	@Test
	void searchesTheGridPrintsRecBoleLinesAndWritesTheResultJsonAndReport() throws IOException {
		Path report = this.work.resolve("report.html");
		int code = run(tune(params("learning_rate choice [0.01,0.003]", "hidden_dropout_prob choice [0.2, 0.5]"),
				"--display-file", report.toString(), "--parallel", "2")
			.toArray(String[]::new));
		assertThat(code).as(this.err.toString()).isZero();
		String printed = this.out.toString();
		assertThat(printed.lines().filter((line) -> line.startsWith("running parameters: {'hidden_dropout_prob': ")))
			.hasSize(4)
			.allSatisfy((line) -> assertThat(line).containsPattern("'learning_rate': 0\\.0(1|03)}$"));
		assertThat(printed).contains("current best valid score: ",
				"current best valid result:\nOrderedDict([('recall@10', ", "current test result:\nOrderedDict([",
				"best params:  {'hidden_dropout_prob': ", "best result: \n{'model': 'SASRec', 'best_valid_score': ",
				"'valid_score_bigger': True");
		assertThat(this.err.toString().lines().filter((line) -> line.matches("trial \\d/4 finished, 2 epochs in .*")))
			.hasSize(4);

		List<String> result = Files.readAllLines(this.work.resolve("hyper.result"));
		assertThat(result).hasSize(4 * 6);
		for (int t = 0; t < 4; t++) {
			assertThat(result.get(6 * t)).matches("hidden_dropout_prob:0\\.[25], learning_rate:0\\.0(1|03)");
			assertThat(result.get(6 * t + 1)).isEqualTo("Valid result:");
			assertThat(result.get(6 * t + 2)).startsWith("recall@10 : ").contains("    mrr@10 : ");
			assertThat(result.get(6 * t + 3)).isEqualTo("Test result:");
			assertThat(result.get(6 * t + 4)).startsWith("recall@10 : ");
			assertThat(result.get(6 * t + 5)).isEmpty();
		}
		assertThat(result.stream().filter((line) -> line.contains("learning_rate:")).distinct()).hasSize(4);

		JsonNode json = JsonMapper.builder().build().readTree(this.work.resolve("tune.json").toFile());
		assertThat(json.get("trials")).hasSize(4);
		assertThat(json.get("parallel").asInt()).isEqualTo(2);
		for (JsonNode trial : json.get("trials")) {
			assertThat(trial.get("status").asString()).isEqualTo("finished");
			assertThat(trial.get("params").has("learning_rate")).isTrue();
			assertThat(trial.get("best_valid").has("mrr@10")).isTrue();
			assertThat(trial.get("test").has("ndcg@10")).isTrue();
			assertThat(trial.get("epochs").asInt()).isEqualTo(2);
			assertThat(trial.get("seconds").asDouble()).isPositive();
			assertThat(trial.get("curve")).hasSize(2);
		}
		assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>")
			.contains("uPlot", "\"kind\":\"tune\"")
			.doesNotContain("<script src");
	}

	@Test
	void aDoubleSpaceAfterTheNameIsAOneLineErrorWithItsLine() throws IOException {
		int code = run(tune(params("learning_rate choice [0.01]", "n_layers  choice [1,2]")).toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString().strip()).isEqualTo("error: " + this.work.resolve("hyper.test")
				+ " line 2: Illegal param type [] (types: choice, uniform, quniform, loguniform; separate the parts "
				+ "by single spaces)");
	}

	@Test
	void anUnknownSettingOrOneFixedOnTheCommandLineIsAOneLineError() throws IOException {
		int code = run(tune(params("n_layers choice [1,2]", "hiden_size choice [16]")).toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString().strip().lines()).hasSize(1);
		assertThat(this.err.toString()).contains("hyper.test line 2: hiden_size = 16: ").contains("hidden_size");
		this.err.getBuffer().setLength(0);
		code = run(tune(params("epochs choice [1,2]")).toArray(String[]::new));
		assertThat(code).isEqualTo(2);
		assertThat(this.err.toString()).contains("line 1: epochs is searched here and fixed on the command line");
	}

}
