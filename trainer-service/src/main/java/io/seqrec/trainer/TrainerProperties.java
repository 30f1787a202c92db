package io.seqrec.trainer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.seqrec.config.ConfigRequest;
import io.seqrec.model.ModelRegistry;
import io.seqrec.model.TrainMode;

/**
 * Settings of the trainer service ({@code seqrec.trainer.*}).
 *
 * @param model the model to train (any model the CLI trains: SASRec, Pop, ...)
 * @param name the registry name of the trained model in the model store
 * @param config RecBole configuration keys for the runs, exactly as in CLI configuration
 * files (for example {@code epochs: 50}, {@code train_mode: prefix})
 * @param fastTraining train with {@code train_mode: all_positions} when the model
 * supports it and {@code config} does not set {@code train_mode}
 * @param store the model store directory
 * @param schedule when runs start on their own
 * @param gate the publication gate
 * @param minUsers fewest users with a test sample a run needs
 * @param apiKeys accepted values of the {@code X-API-Key} header (admin keys: they start
 * runs and move the live model)
 * @param apiKeysFile a file with more accepted keys, one per line (a mounted secret;
 * re-read when it changes)
 */
@Validated
@ConfigurationProperties("seqrec.trainer")
public record TrainerProperties(@DefaultValue("SASRec") @NotBlank String model,
		@DefaultValue("sasrec") @NotBlank String name, @DefaultValue Map<String, String> config,
		@DefaultValue("true") boolean fastTraining, @DefaultValue("models") @NotNull Path store,
		@DefaultValue @NotNull Schedule schedule, @DefaultValue @NotNull Gate gate,
		@DefaultValue("10") @Min(1) int minUsers, @DefaultValue List<String> apiKeys, @Nullable Path apiKeysFile) {

	private static final String TRAIN_MODE = "train_mode";

	/**
	 * The configuration request of a run: the model and {@link #config()}, with
	 * {@code train_mode: all_positions} added when {@link #fastTraining()} asks for it
	 * and the model supports it.
	 * @return the request (no dataset: runs train on the Redis snapshot)
	 */
	public ConfigRequest configRequest() {
		Map<String, String> values = new LinkedHashMap<>(this.config);
		if (this.fastTraining && !values.containsKey(TRAIN_MODE)
				&& ModelRegistry.spec(this.model).trainModes().contains(TrainMode.ALL_POSITIONS)) {
			values.put(TRAIN_MODE, TrainMode.ALL_POSITIONS.configName());
		}
		return new ConfigRequest(this.model, null, List.of(), Map.of(), values);
	}

	/**
	 * When runs start without a request.
	 *
	 * @param cron a cron expression (Spring's six fields), or unset
	 * @param fixedDelay a delay between the end of a run and the start of the next, or
	 * unset
	 * @param newEvents start a run once this many events arrived since the last run (0 =
	 * off)
	 * @param checkInterval how often the event counter is checked
	 */
	public record Schedule(@Nullable String cron, @Nullable Duration fixedDelay,
			@DefaultValue("0") @Min(0) long newEvents, @DefaultValue("30s") Duration checkInterval) {
	}

	/**
	 * The publication gate: a new model goes live only if its metric is not worse than
	 * the live model's by more than the tolerance.
	 *
	 * @param metric the test metric compared ({@code ndcg@10})
	 * @param tolerance the largest accepted drop
	 */
	public record Gate(@DefaultValue("ndcg@10") String metric, @DefaultValue("0.0") double tolerance) {
	}

}
