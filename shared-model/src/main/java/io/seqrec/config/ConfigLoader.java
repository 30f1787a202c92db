package io.seqrec.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Loads a {@link Config} as RecBole's {@code Config} does, for a model with a shipped
 * defaults file (see {@link ConfigSchema#MODEL_FILES}); whether the model is implemented
 * is the model registry's concern ({@code ModelRegistry.loadConfig}). Layers, low to
 * high: {@code overall.yaml} &lt; {@code model/<Model>.yaml} &lt;
 * {@code dataset/<dataset>.yaml} (if shipped) &lt; each config file in order &lt;
 * parameters &lt; command line.
 * <p>
 * Unlike RecBole, unknown keys fail (with a suggestion), values are coerced by the type
 * their schema comment declares, {@code eval_args} sub-keys are merged (see
 * {@link ConfigMerger}) and the result is validated (see {@link ConfigValidator}). The
 * keys {@code model} and {@code dataset} may appear in any external layer: a
 * {@code model} must agree with the request; a {@code dataset} must agree with the
 * request's dataset if it has one, and otherwise names the dataset (the highest layer
 * wins), whose shipped file then joins the layers.
 */
public final class ConfigLoader {

	private ConfigLoader() {
	}

	/**
	 * Loads and validates the effective configuration.
	 * @param request the model, dataset and external layers
	 * @return the immutable configuration
	 * @throws ConfigException if a file cannot be read, or a key or value is invalid
	 */
	public static Config load(ConfigRequest request) {
		String model = ConfigSchema.forModel(request.model()).model();
		List<Layer> external = new ArrayList<>();
		for (Path file : request.configFiles()) {
			external.add(new Layer("config file '" + file + "'",
					Yaml.readMapping(read(file), "config file '" + file + "'"), false));
		}
		external.add(new Layer("parameters", request.parameters(), false));
		external.add(new Layer("command line", stripDashes(request.commandLine()), true));
		String dataset = request.dataset();
		for (Layer layer : external) {
			dataset = checkIdentity(layer, model, request.dataset(), dataset);
		}
		ConfigSchema schema = ConfigSchema.forModel(model);
		ConfigMerger merger = new ConfigMerger(schema, schema.defaults());
		String datasetFile = (dataset != null && dataset.matches("[A-Za-z0-9][A-Za-z0-9._-]*"))
				? SchemaParser.readResource(ConfigSchema.datasetResource(dataset)) : null;
		if (dataset != null && datasetFile != null) {
			String origin = ConfigSchema.datasetResource(dataset);
			merger.apply(new Layer(origin, Yaml.readMapping(datasetFile, origin), false));
		}
		external.forEach(merger::apply);
		ConfigValidator.validate(schema, merger.values());
		return new Config(schema, dataset, merger.values());
	}

	/**
	 * Parses {@code --key=value} arguments as RecBole's command line does.
	 * @param args the arguments
	 * @return the raw values by key, in argument order
	 * @throws ConfigException for an argument of another form, or a key given twice with
	 * different values
	 */
	public static Map<String, String> parseCommandLine(List<String> args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 3) {
				throw new ConfigException("command-line argument '" + arg + "' is not of the form --key=value");
			}
			String key = arg.substring(2, equals);
			String value = arg.substring(equals + 1);
			String previous = values.put(key, value);
			if (previous != null && !previous.equals(value)) {
				throw new ConfigException("command-line key '" + key + "' is given twice with different values ('"
						+ previous + "' and '" + value + "')");
			}
		}
		return values;
	}

	/**
	 * Applies overrides to an existing configuration and validates the result.
	 * @param base the configuration
	 * @param overrides the values to set
	 * @return the new configuration
	 */
	static Config override(Config base, Map<String, @Nullable Object> overrides) {
		Layer layer = new Layer("overrides", overrides, false);
		checkIdentity(layer, base.model(), base.dataset(), base.dataset());
		ConfigMerger merger = new ConfigMerger(base.schema(), base.asMap()).apply(layer);
		ConfigValidator.validate(base.schema(), merger.values());
		return new Config(base.schema(), base.dataset(), merger.values());
	}

	private static @Nullable String checkIdentity(Layer layer, String model, @Nullable String requested,
			@Nullable String current) {
		Object layerModel = layer.values().get("model");
		if (layerModel != null && !Values.isNullToken(layerModel.toString())
				&& !layerModel.toString().trim().equalsIgnoreCase(model)) {
			throw new ConfigException(
					layer.locate("key 'model' is '" + layerModel + "' but the requested model is " + model));
		}
		Object layerDataset = layer.values().get("dataset");
		if (layerDataset == null || Values.isNullToken(layerDataset.toString())) {
			return current;
		}
		if (requested != null && !requested.equals(layerDataset.toString())) {
			throw new ConfigException(
					layer.locate("key 'dataset' is '" + layerDataset + "' but the requested dataset is " + requested));
		}
		return layerDataset.toString();
	}

	private static Map<String, @Nullable Object> stripDashes(Map<String, String> commandLine) {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		commandLine.forEach((key, value) -> values.put(key.startsWith("--") ? key.substring(2) : key, value));
		return values;
	}

	private static String read(Path file) {
		try {
			return Files.readString(Objects.requireNonNull(file, "config file"));
		}
		catch (NoSuchFileException ex) {
			throw new ConfigException("config file '" + file + "' does not exist", ex);
		}
		catch (IOException ex) {
			throw new ConfigException("cannot read config file '" + file + "': " + ex.getMessage(), ex);
		}
	}

}
