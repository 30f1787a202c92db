package io.seqrec.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The semantic checks that types alone cannot express, run on the merged values. It also
 * normalises two dicts as RecBole does: {@code train_neg_sample_args} gets its missing
 * sub-keys from the defaults ({@code {distribution: none}} becomes null, no sampling),
 * and {@code eval_args.mode} given per phase ({@code {valid: full, test: full}}) becomes
 * {@code full}. Model-specific constraints (such as {@code hidden_size} divisible by
 * {@code n_heads}) are checked by the models.
 */
final class ConfigValidator {

	static final String PROTOCOL = "seqrec implements only RecBole's sequential protocol: "
			+ "split {LS: valid_and_test}, order TO, mode full, group_by user";

	private static final List<String> EVAL_ARGS_KEYS = List.of("split", "order", "mode", "group_by");

	private static final List<String> POSITIVE = List.of("epochs", "train_batch_size", "eval_batch_size", "eval_step",
			"MAX_ITEM_LIST_LENGTH");

	private static final List<String> NON_NEGATIVE = List.of("stopping_step", "metric_decimal_place", "cpu_threads",
			"gpu_id", "weight_decay");

	private static final Pattern VALID_METRIC = Pattern.compile("([A-Za-z]+)@(\\d+)");

	private ConfigValidator() {
	}

	/**
	 * Checks and normalises merged values.
	 * @param schema the model's schema
	 * @param values the merged values, normalised in place
	 * @throws ConfigException for the first violation, naming the key
	 */
	static void validate(ConfigSchema schema, Map<String, @Nullable Object> values) {
		checkBounds(values);
		checkEvalArgs(values);
		checkMetrics(schema, values);
		checkNegativeSampling(schema, values);
		checkLoadCol(values);
		checkClipGradNorm(values);
		if (!Boolean.TRUE.equals(values.get("repeatable"))) {
			throw new ConfigException("key 'repeatable' must be True: sequential models only support "
					+ "repeatable recommendation, as in RecBole");
		}
	}

	private static void checkBounds(Map<String, @Nullable Object> values) {
		for (String key : POSITIVE) {
			if (number(values, key) <= 0) {
				throw new ConfigException("key '" + key + "' must be positive (got " + values.get(key) + ")");
			}
		}
		for (String key : NON_NEGATIVE) {
			if (number(values, key) < 0) {
				throw new ConfigException("key '" + key + "' must be non-negative (got " + values.get(key) + ")");
			}
		}
		if (!(number(values, "learning_rate") > 0)) {
			throw new ConfigException("key 'learning_rate' must be greater than 0 (got "
					+ Values.render(values.get("learning_rate")) + ")");
		}
	}

	private static void checkEvalArgs(Map<String, @Nullable Object> values) {
		Map<String, @Nullable Object> args = dict(values, "eval_args");
		checkSubKeys("eval_args", args, EVAL_ARGS_KEYS);
		Object split = args.get("split");
		if (!(split instanceof Map<?, ?> map && map.size() == 1 && map.keySet().iterator().next() instanceof String ls
				&& ls.equalsIgnoreCase("LS") && "valid_and_test".equalsIgnoreCase(String.valueOf(map.get(ls))))) {
			throw new ConfigException(
					"eval_args.split must be {LS: valid_and_test} (got " + Values.render(split) + "): " + PROTOCOL);
		}
		args.put("split", new LinkedHashMap<>(Map.of("LS", "valid_and_test")));
		Object mode = args.get("mode");
		if (mode instanceof Map<?, ?> phases && !phases.isEmpty()
				&& Set.of("valid", "test").containsAll(phases.keySet())) {
			mode = phases.values().stream().distinct().count() == 1 ? phases.values().iterator().next() : phases;
		}
		args.put("order", expect("eval_args.order", args.get("order"), "TO", PROTOCOL));
		args.put("mode", expect("eval_args.mode", mode, "full", PROTOCOL));
		args.put("group_by", expect("eval_args.group_by", args.get("group_by"), "user", PROTOCOL));
	}

	private static String expect(String name, @Nullable Object value, String expected, String reason) {
		if (!(value instanceof String text && text.equalsIgnoreCase(expected))) {
			throw new ConfigException(name + " must be " + expected + " (got " + Values.render(value) + "): " + reason);
		}
		return expected;
	}

	private static void checkMetrics(ConfigSchema schema, Map<String, @Nullable Object> values) {
		List<?> metrics = (List<?>) values.get("metrics");
		List<?> topk = (List<?>) values.get("topk");
		if (metrics == null || metrics.isEmpty() || topk == null || topk.isEmpty()) {
			throw new ConfigException("keys 'metrics' and 'topk' must not be empty");
		}
		for (Object k : topk) {
			if (((Number) k).longValue() <= 0) {
				throw new ConfigException("key 'topk' must hold positive integers (got " + Values.render(topk) + ")");
			}
		}
		List<String> known = schema.spec("metrics").choices();
		String validMetric = String.valueOf(values.get("valid_metric"));
		Matcher matcher = VALID_METRIC.matcher(validMetric);
		String metric = matcher.matches()
				? known.stream().filter((name) -> name.equalsIgnoreCase(matcher.group(1))).findFirst().orElse(null)
				: null;
		if (metric == null) {
			throw new ConfigException("key 'valid_metric' must be <metric>@<k> with a metric of "
					+ String.join(", ", known) + " (got '" + validMetric + "')");
		}
		if (!metrics.contains(metric)) {
			throw new ConfigException(
					"key 'valid_metric' names " + metric + ", which is not in metrics " + Values.render(metrics));
		}
		long k = Long.parseLong(matcher.group(2));
		if (topk.stream().noneMatch((cutoff) -> ((Number) cutoff).longValue() == k)) {
			throw new ConfigException("key 'valid_metric' uses k=" + k + ", which is not in topk " + topk);
		}
		values.put("valid_metric", metric + "@" + k);
	}

	private static void checkNegativeSampling(ConfigSchema schema, Map<String, @Nullable Object> values) {
		String key = "train_neg_sample_args";
		if (values.get(key) == null) {
			return;
		}
		Map<String, @Nullable Object> args = dict(values, key);
		@SuppressWarnings("unchecked")
		Map<String, @Nullable Object> defaults = (Map<String, @Nullable Object>) schema.spec(key).defaultValue();
		checkSubKeys(key, args, (defaults != null) ? List.copyOf(defaults.keySet()) : List.of());
		if (args.containsKey("distribution") && (args.get("distribution") == null
				|| "none".equalsIgnoreCase(String.valueOf(args.get("distribution"))))) {
			values.put(key, null);
			return;
		}
		if (defaults != null) {
			defaults.forEach((subKey, value) -> args.putIfAbsent(subKey, Values.mutable(value)));
		}
		Object distribution = args.get("distribution");
		String supported = "seqrec samples one uniform negative per row (set " + key + " to ~ to disable sampling)";
		args.put("distribution", expect(key + ".distribution", distribution, "uniform", supported));
		Object sampleNum = args.get("sample_num");
		if (!(sampleNum instanceof Number number && number.doubleValue() == 1.0)) {
			throw new ConfigException(
					key + ".sample_num must be 1 (got " + Values.render(sampleNum) + "): " + supported);
		}
		if (!Boolean.FALSE.equals(args.get("dynamic"))) {
			throw new ConfigException(key + ".dynamic must be False (got " + Values.render(args.get("dynamic"))
					+ "): seqrec does not implement dynamic negative sampling");
		}
	}

	private static void checkLoadCol(Map<String, @Nullable Object> values) {
		if (values.get("load_col") == null) {
			return;
		}
		Object inter = dict(values, "load_col").get("inter");
		List<Object> required = List.of(String.valueOf(values.get("USER_ID_FIELD")),
				String.valueOf(values.get("ITEM_ID_FIELD")), String.valueOf(values.get("TIME_FIELD")));
		if (!(inter instanceof List<?> columns && columns.containsAll(required))) {
			throw new ConfigException("key 'load_col' must load " + String.join(", ", required.toArray(String[]::new))
					+ " from inter, which sequential models need (got " + Values.render(values.get("load_col")) + ")");
		}
	}

	private static void checkClipGradNorm(Map<String, @Nullable Object> values) {
		if (values.get("clip_grad_norm") == null) {
			return;
		}
		Map<String, @Nullable Object> args = dict(values, "clip_grad_norm");
		checkSubKeys("clip_grad_norm", args, List.of("max_norm", "norm_type"));
		if (!(args.get("max_norm") instanceof Number max && max.doubleValue() > 0)) {
			throw new ConfigException("clip_grad_norm.max_norm must be a number greater than 0 (got "
					+ Values.render(args.get("max_norm")) + "), e.g. {max_norm: 5, norm_type: 2}");
		}
	}

	private static void checkSubKeys(String key, Map<String, @Nullable Object> args, List<String> known) {
		for (String subKey : args.keySet()) {
			if (!known.contains(subKey)) {
				String suggestion = UnknownKeys.closest(subKey, known);
				throw new ConfigException("unknown " + key + " key '" + subKey + "'"
						+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "") + "; " + key + " has "
						+ String.join(", ", known));
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, @Nullable Object> dict(Map<String, @Nullable Object> values, String key) {
		Map<String, @Nullable Object> copy = new LinkedHashMap<>((Map<String, @Nullable Object>) values.get(key));
		values.put(key, copy);
		return copy;
	}

	private static double number(Map<String, @Nullable Object> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

}
