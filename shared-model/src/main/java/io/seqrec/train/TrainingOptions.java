package io.seqrec.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.seqrec.config.Config;
import io.seqrec.eval.FullSortEvaluator;
import io.seqrec.eval.Metric;
import io.seqrec.model.TrainMode;

/**
 * The training and evaluation settings of a run, under their RecBole names.
 *
 * @param seed {@code seed}
 * @param epochs {@code epochs}: maximum number of epochs
 * @param trainBatchSize {@code train_batch_size}: samples per batch (in
 * {@code all_positions} mode, target positions per batch:
 * {@code max(1, train_batch_size / L)} windows)
 * @param evalBatchSize {@code eval_batch_size}: users per evaluation batch
 * @param learner {@code learner}: {@code adam} or {@code sgd}
 * @param learningRate {@code learning_rate}
 * @param weightDecay {@code weight_decay} (coupled L2, as {@code torch.optim.Adam})
 * @param clipGradMaxNorm {@code clip_grad_norm.max_norm}, or null for no clipping
 * @param evalStep {@code eval_step}: validate every this many epochs
 * @param stoppingStep {@code stopping_step}: patience in evaluations
 * @param validMetric {@code valid_metric}, lower-cased ({@code mrr@10})
 * @param metrics {@code metrics}
 * @param topk {@code topk}
 * @param decimals {@code metric_decimal_place}
 * @param shuffle {@code shuffle}: reshuffle training samples every epoch
 * @param trainMode {@code train_mode}
 * @param excludeSeenItems {@code exclude_seen_items}: mask the history when ranking (off
 * in RecBole's protocol)
 */
public record TrainingOptions(long seed, int epochs, int trainBatchSize, int evalBatchSize, String learner,
		float learningRate, float weightDecay, @Nullable Double clipGradMaxNorm, int evalStep, int stoppingStep,
		String validMetric, List<Metric> metrics, List<Integer> topk, int decimals, boolean shuffle,
		TrainMode trainMode, boolean excludeSeenItems) {

	public TrainingOptions {
		metrics = List.copyOf(metrics);
		topk = List.copyOf(topk);
		validMetric = validMetric.toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads the options from a validated configuration.
	 * @param config the run's configuration
	 * @return the options
	 */
	public static TrainingOptions fromConfig(Config config) {
		Double clip = null;
		if (!config.isNull("clip_grad_norm")) {
			Map<String, Object> clipArgs = config.getMap("clip_grad_norm");
			Object maxNorm = clipArgs.get("max_norm");
			if (!(maxNorm instanceof Number)) {
				throw new IllegalArgumentException("clip_grad_norm needs a numeric max_norm, got " + clipArgs);
			}
			Object normType = clipArgs.getOrDefault("norm_type", 2);
			if (!(normType instanceof Number number) || number.doubleValue() != 2.0) {
				throw new IllegalArgumentException("clip_grad_norm supports norm_type 2 only, got " + normType);
			}
			clip = ((Number) maxNorm).doubleValue();
		}
		return new TrainingOptions(config.getLong("seed"), config.getInt("epochs"), config.getInt("train_batch_size"),
				config.getInt("eval_batch_size"), config.getString("learner"), config.getFloat("learning_rate"),
				config.getFloat("weight_decay"), clip, config.getInt("eval_step"), config.getInt("stopping_step"),
				config.getString("valid_metric"), config.getStringList("metrics").stream().map(Metric::parse).toList(),
				config.getIntList("topk"), config.getInt("metric_decimal_place"), config.getBoolean("shuffle"),
				TrainMode.parse(config.getString("train_mode")), config.getBoolean("exclude_seen_items"));
	}

	/**
	 * The full-sort evaluator of these options.
	 * @return an evaluator with the run's metrics, cut-offs, rounding, batch size and
	 * exclusions
	 */
	public FullSortEvaluator evaluator() {
		return new FullSortEvaluator(this.metrics, this.topk, this.decimals, this.evalBatchSize, this.excludeSeenItems);
	}

}
