package io.seqrec.tune;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.config.ConfigException;
import io.seqrec.config.ConfigRequest;
import io.seqrec.data.PlantedSequences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Trials that train SASRec on a tiny planted dataset, with dropout on, so that every
 * source of randomness (initialisation, dropout, shuffling, negatives) is exercised.
 */
class TrainingTrialsTests {

	@TempDir
	static Path data;

	private static final String PARAMS = String.join("\n", "hidden_dropout_prob choice [0.2,0.5]",
			"learning_rate choice [0.01,0.003]", "attn_dropout_prob uniform 0.1,0.3");

	@BeforeAll
	static void writeDataset() {
		PlantedSequences.cycle(30).writeAtomic(data, "planted", 80, 12, 0.1, 3);
	}

	private static ConfigRequest base(String... overrides) {
		List<String> args = new ArrayList<>(
				List.of("--epochs=3", "--hidden_size=16", "--inner_size=32", "--MAX_ITEM_LIST_LENGTH=8",
						"--train_batch_size=128", "--train_mode=all_positions", "--stopping_step=1"));
		args.addAll(List.of(overrides));
		return new ConfigRequest("SASRec", "planted", List.of(), Map.of(),
				io.seqrec.config.ConfigLoader.parseCommandLine(args));
	}

	private static SearchSpace space(String text) {
		return ParamsFile.parse(text, "hyper.test", (warning) -> {
		});
	}

	private static List<String> run(int parallel, String scheduler) throws InterruptedException {
		TrainingTrials trials = new TrainingTrials(base(), data, TrialThreads.UNCHANGED, 2);
		TuneSettings settings = new TuneSettings("exhaustive", 100, 10, parallel, scheduler, 1, 3, 7);
		TuneOutcome outcome = new Tuner(space(PARAMS), settings).run(trials, TuneListener.NONE);
		assertThat(outcome.trials()).hasSize(4);
		assertThat(outcome.trials()).allSatisfy((t) -> assertThat(t.status()).isNotEqualTo(TrialStatus.FAILED));
		return outcome.trials()
			.stream()
			.map((t) -> t.number() + " " + t.params() + " " + t.status() + " " + t.bestValid() + " " + t.test() + " "
					+ t.epochs() + " " + t.curve())
			.toList();
	}

	/**
	 * One search, serial then with two trials at once; with ASHA, so that the training
	 * loop's stop hook is exercised as well.
	 */
	@Test
	void parallelTrialsTrainExactlyAsSerialOnesAndAshaStopsThemAlike() throws InterruptedException {
		List<String> serial = run(1, "asha");
		List<String> parallel = run(2, "asha");
		assertThat(parallel).isEqualTo(serial);
		assertThat(serial).anySatisfy((line) -> assertThat(line).contains(" STOPPED "));
		assertThat(serial).anySatisfy((line) -> assertThat(line).contains(" FINISHED "));
		// dropout and settings differ between trials: every trial has its own curve
		assertThat(serial.stream().map((line) -> line.substring(line.indexOf("[EpochPoint"))).distinct()).hasSize(4);
	}

	@Test
	void checkNamesTheLineOfABadSetting() {
		TrainingTrials trials = new TrainingTrials(base("--learning_rate=0.01"), data, TrialThreads.UNCHANGED, 2);
		assertThatThrownBy(() -> trials.check(space("n_layers choice [1,2]\nlearning_rat choice [0.1]"), "hyper.test"))
			.isInstanceOf(ConfigException.class)
			.hasMessageStartingWith("hyper.test line 2: learning_rat = 0.1: ")
			.hasMessageContaining("learning_rate");
		assertThatThrownBy(() -> trials.check(space("learning_rate choice [0.1]"), "hyper.test"))
			.hasMessageContaining("line 1: learning_rate is searched here and fixed on the command line");
		assertThatThrownBy(() -> trials.check(space("hidden_act choice ['gelu','nope']"), "hyper.test"))
			.hasMessageStartingWith("hyper.test line 1: hidden_act = nope: ");
		trials.check(space("n_layers choice [1,2]\nlayer_norm_eps loguniform -28,-20"), "hyper.test");
	}

}
