package io.seqrec.trainer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

import io.seqrec.config.Config;
import io.seqrec.config.ConfigLoader;

/**
 * Options shared by the commands that read a dataset: where the data is, configuration
 * files, and {@code --key=value} overrides.
 */
final class JobOptions {

	@Option(names = "--data-path", paramLabel = "DIR",
			description = "Directory holding <dataset>/<dataset>.inter (default: the data_path setting, ./dataset).")
	@Nullable Path dataPath;

	@Option(names = { "--config-files", "--config_files" }, paramLabel = "FILES", split = "[,\\s]+",
			description = "YAML configuration files, comma- or space-separated; later files win.")
	List<Path> configFiles = new ArrayList<>();

	@Option(names = "--show-memory", description = "Print resident and heap memory after every epoch.")
	boolean showMemory;

	static Map<String, String> overrides(List<String> arguments) {
		return ConfigLoader.parseCommandLine(arguments);
	}

	Path dataPath(Config config) {
		return (this.dataPath != null) ? this.dataPath : Path.of(config.getString("data_path"));
	}

}
