package io.seqrec.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every user error names the key and what is valid, in one line.
 */
class ErrorMessageTests {

	@TempDir
	Path dir;

	@Test
	void unknownKeySuggestsACloseMatch() {
		assertMessage(() -> cli("SASRec", "hiden_size", "64"),
				"unknown key 'hiden_size' for SASRec (did you mean 'hidden_size'?) [in command line]");
		assertMessage(() -> cli("SASRec", "max_item_list_length", "20"),
				"unknown key 'max_item_list_length' for SASRec (did you mean 'MAX_ITEM_LIST_LENGTH'?) [in command line]");
		assertMessage(() -> cli("SASRec", "completely_different", "1"),
				"unknown key 'completely_different' for SASRec [in command line]");
	}

	@Test
	void unknownKeyOfAnotherModelSaysWhoseItIs() {
		assertMessage(() -> params("SASRec", Map.of("mask_ratio", 0.3)),
				"'mask_ratio' is a BERT4Rec setting, not a SASRec one [in parameters]");
		assertMessage(() -> cli("Pop", "n_layers", "3"),
				"'n_layers' is a SASRec/BERT4Rec/FEARec setting, not a Pop one [in command line]");
	}

	@Test
	void recBoleKeysSeqrecDoesNotReadAreNamedAsSuch() {
		assertMessage(() -> cli("SASRec", "checkpoint_dir", "saved"),
				"unknown key 'checkpoint_dir' for SASRec (a RecBole setting that seqrec does not support) [in command line]");
	}

	@Test
	void unknownKeyInAFileNamesTheFile() throws IOException {
		Path file = Files.writeString(this.dir.resolve("typo.yaml"), "lerning_rate: 0.01\n");
		assertMessage(() -> ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(file)),
				"unknown key 'lerning_rate' for SASRec (did you mean 'learning_rate'?) [in config file '" + file
						+ "']");
	}

	@Test
	void wrongTypes() {
		assertMessage(() -> cli("SASRec", "epochs", "ten"),
				"key 'epochs' expects an integer, got 'ten' [in command line]");
		assertMessage(() -> cli("SASRec", "hidden_size", "64.5"),
				"key 'hidden_size' expects an integer, got '64.5' [in command line]");
		assertMessage(() -> cli("SASRec", "learning_rate", "fast"),
				"key 'learning_rate' expects a float, got 'fast' [in command line]");
		assertMessage(() -> cli("SASRec", "shuffle", "yes"),
				"key 'shuffle' expects a boolean, got 'yes' [in command line]");
		assertMessage(() -> cli("SASRec", "topk", "[5,x]"),
				"key 'topk' expects a list of integers, got '[5,x]' [in command line]");
		assertMessage(() -> cli("SASRec", "eval_args", "TO"),
				"key 'eval_args' expects a dict, got 'TO' [in command line]");
		assertMessage(() -> params("SASRec", Map.of("epochs", true)),
				"key 'epochs' expects an integer, got 'True' [in parameters]");
	}

	@Test
	void choiceOutsideItsList() {
		assertMessage(() -> cli("SASRec", "loss_type", "XE"),
				"key 'loss_type' must be one of CE, BPR (got 'XE') [in command line]");
		assertMessage(() -> cli("SINE", "loss_type", "XE"),
				"key 'loss_type' must be one of CE, BPR, NLL (got 'XE') [in command line]");
		assertMessage(() -> cli("SASRec", "metrics", "[Recall, AUC]"),
				"key 'metrics' must be one of Recall, MRR, NDCG, Hit, Precision (got 'AUC') [in command line]");
		assertMessage(() -> cli("SASRec", "learner", "adagrad"),
				"key 'learner' must be one of adam, sgd (got 'adagrad') [in command line]");
	}

	@Test
	void nullForANonNullableKey() {
		assertMessage(() -> cli("SASRec", "epochs", "None"),
				"key 'epochs' must not be null (expects an integer) [in command line]");
	}

	@Test
	void aModelWithoutDefaultsListsTheModelsThatHaveThem() {
		assertMessage(() -> ConfigLoader.load(ConfigRequest.of("GRU4Rec", null)),
				"no defaults for model 'GRU4Rec'; defaults exist for SASRec, BERT4Rec, FEARec, SINE, Pop");
	}

	@Test
	void unreadableFiles() throws IOException {
		Path missing = this.dir.resolve("missing.yaml");
		assertMessage(() -> ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(missing)),
				"config file '" + missing + "' does not exist");
		Path list = Files.writeString(this.dir.resolve("list.yaml"), "- 1\n- 2\n");
		assertMessage(() -> ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(list)),
				"config file '" + list + "' must be a mapping of keys to values, not ARRAY");
		Path duplicate = Files.writeString(this.dir.resolve("twice.yaml"), "epochs: 1\nepochs: 2\n");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> ConfigLoader.load(ConfigRequest.of("SASRec", null).withConfigFiles(duplicate)))
			.withMessageStartingWith("cannot parse config file '" + duplicate + "': Duplicate")
			.withMessageContaining("epochs");
	}

	static Config cli(String model, String key, String value) {
		return ConfigLoader.load(ConfigRequest.of(model, null).withCommandLine(Map.of(key, value)));
	}

	static Config params(String model, Map<String, Object> values) {
		return ConfigLoader.load(ConfigRequest.of(model, null).withParameters(values));
	}

	static void assertMessage(ThrowingCallable call, String message) {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(call).withMessage(message);
	}

}
