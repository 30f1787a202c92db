package io.seqrec.config;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in defaults of {@code overall.yaml}, as MODELS.md section 1.1 tabulates them.
 */
class DefaultsTests {

	private final Config config = ConfigLoader.load(ConfigRequest.of("SASRec", null));

	@Test
	void environmentDefaults() {
		assertThat(this.config.getInt("seed")).isEqualTo(2020);
		assertThat(this.config.getBoolean("reproducibility")).isTrue();
		assertThat(this.config.getBoolean("use_gpu")).isTrue();
		assertThat(this.config.getInt("gpu_id")).isZero();
		assertThat(this.config.getInt("cpu_threads")).isZero();
		assertThat(this.config.getString("data_path")).isEqualTo("dataset/");
		assertThat(this.config.getBoolean("shuffle")).isTrue();
	}

	@Test
	void trainingDefaults() {
		assertThat(this.config.getInt("epochs")).isEqualTo(300);
		assertThat(this.config.getInt("train_batch_size")).isEqualTo(2048);
		assertThat(this.config.getString("learner")).isEqualTo("adam");
		assertThat(this.config.getDouble("learning_rate")).isEqualTo(0.001);
		assertThat(this.config.getDouble("weight_decay")).isEqualTo(0.0);
		assertThat(this.config.isNull("clip_grad_norm")).isTrue();
		assertThat(this.config.getInt("eval_step")).isEqualTo(1);
		assertThat(this.config.getInt("stopping_step")).isEqualTo(10);
		assertThat(this.config.getMap("train_neg_sample_args")).containsExactly(Map.entry("distribution", "uniform"),
				Map.entry("sample_num", 1), Map.entry("alpha", 1.0), Map.entry("dynamic", false),
				Map.entry("candidate_num", 0));
		assertThat(this.config.getString("train_mode")).isEqualTo("prefix");
		assertThat(this.config.getOptionalString("transform")).isNull();
	}

	@Test
	void evaluationDefaults() {
		assertThat(this.config.getMap("eval_args")).containsExactly(Map.entry("split", Map.of("LS", "valid_and_test")),
				Map.entry("order", "TO"), Map.entry("mode", "full"), Map.entry("group_by", "user"));
		assertThat(this.config.getBoolean("repeatable")).isTrue();
		assertThat(this.config.getStringList("metrics")).containsExactly("Recall", "MRR", "NDCG", "Hit", "Precision");
		assertThat(this.config.getIntList("topk")).containsExactly(10);
		assertThat(this.config.getString("valid_metric")).isEqualTo("MRR@10");
		assertThat(this.config.getInt("eval_batch_size")).isEqualTo(4096);
		assertThat(this.config.getInt("metric_decimal_place")).isEqualTo(4);
		assertThat(this.config.getBoolean("exclude_seen_items")).isFalse();
	}

	@Test
	void datasetDefaults() {
		assertThat(this.config.getString("USER_ID_FIELD")).isEqualTo("user_id");
		assertThat(this.config.getString("ITEM_ID_FIELD")).isEqualTo("item_id");
		assertThat(this.config.getString("TIME_FIELD")).isEqualTo("timestamp");
		assertThat(this.config.getString("field_separator")).isEqualTo("\t");
		assertThat(this.config.getMap("load_col"))
			.containsExactly(Map.entry("inter", List.of("user_id", "item_id", "timestamp")));
		assertThat(this.config.getInt("MAX_ITEM_LIST_LENGTH")).isEqualTo(50);
		assertThat(this.config.isNull("rm_dup_inter")).isTrue();
		assertThat(this.config.isNull("val_interval")).isTrue();
		assertThat(this.config.getOptionalString("user_inter_num_interval")).isEqualTo("[0,inf)");
		assertThat(this.config.getOptionalString("item_inter_num_interval")).isEqualTo("[0,inf)");
	}

	@Test
	void withoutDatasetTheDatasetIsNull() {
		assertThat(this.config.model()).isEqualTo("SASRec");
		assertThat(this.config.dataset()).isNull();
	}

	@Test
	void shippedDatasetFileIsALayer() {
		Config ml100k = ConfigLoader.load(ConfigRequest.of("SASRec", "ml-100k"));
		assertThat(ml100k.dataset()).isEqualTo("ml-100k");
		assertThat(ml100k.getMap("load_col"))
			.containsExactly(Map.entry("inter", List.of("user_id", "item_id", "rating", "timestamp")));
		assertThat(ml100k.getOptionalString("user_inter_num_interval")).isNull();
	}

	@Test
	void datasetWithoutShippedFileUsesOverallDefaults() {
		Config other = ConfigLoader.load(ConfigRequest.of("SASRec", "ml-1m"));
		assertThat(other.dataset()).isEqualTo("ml-1m");
		assertThat(other.asMap()).isEqualTo(this.config.asMap());
	}

}
