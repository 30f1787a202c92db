package io.seqrec.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What to load: the model, the dataset and the external layers, low to high priority:
 * config files in order, then {@code parameters} (programmatic, like RecBole's
 * {@code config_dict}), then {@code commandLine} ({@code --key=value} pairs as raw
 * strings, highest).
 *
 * @param model the model name, matched case-insensitively
 * @param dataset the dataset name, or {@code null} to take it from a layer's
 * {@code dataset} key (or to load without one)
 * @param configFiles YAML files applied in order, each over the previous one
 * @param parameters values set programmatically; strings are parsed as YAML flow values
 * @param commandLine raw {@code key -> value} strings, as given after {@code --key=}
 */
public record ConfigRequest(String model, @Nullable String dataset, List<Path> configFiles,
		Map<String, @Nullable Object> parameters, Map<String, String> commandLine) {

	/**
	 * Creates a request, copying its collections.
	 * @param model the model name
	 * @param dataset the dataset name, or {@code null}
	 * @param configFiles the config files, in order
	 * @param parameters the programmatic values
	 * @param commandLine the raw command-line values
	 */
	public ConfigRequest {
		Objects.requireNonNull(model, "model");
		configFiles = List.copyOf(configFiles);
		parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
		commandLine = Collections.unmodifiableMap(new LinkedHashMap<>(commandLine));
	}

	/**
	 * A request with only built-in defaults.
	 * @param model the model name
	 * @param dataset the dataset name, or {@code null}
	 * @return the request
	 */
	public static ConfigRequest of(String model, @Nullable String dataset) {
		return new ConfigRequest(model, dataset, List.of(), Map.of(), Map.of());
	}

	/**
	 * A copy with other config files.
	 * @param files the config files, in order
	 * @return the new request
	 */
	public ConfigRequest withConfigFiles(Path... files) {
		return new ConfigRequest(this.model, this.dataset, List.of(files), this.parameters, this.commandLine);
	}

	/**
	 * A copy with other programmatic parameters.
	 * @param values the parameters
	 * @return the new request
	 */
	public ConfigRequest withParameters(Map<String, @Nullable Object> values) {
		return new ConfigRequest(this.model, this.dataset, this.configFiles, values, this.commandLine);
	}

	/**
	 * A copy with other command-line values.
	 * @param values the raw {@code key -> value} strings
	 * @return the new request
	 */
	public ConfigRequest withCommandLine(Map<String, String> values) {
		return new ConfigRequest(this.model, this.dataset, this.configFiles, this.parameters, values);
	}

}
