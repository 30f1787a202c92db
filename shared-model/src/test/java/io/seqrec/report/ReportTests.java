package io.seqrec.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.eval.RankingResult;
import io.seqrec.train.EpochReport;
import io.seqrec.train.TrainingOutcome;
import io.seqrec.tune.EpochPoint;
import io.seqrec.tune.ParamsFile;
import io.seqrec.tune.SearchSpace;
import io.seqrec.tune.SearchSummary;
import io.seqrec.tune.TrialResult;
import io.seqrec.tune.TrialStatus;
import io.seqrec.tune.TuneOutcome;
import io.seqrec.tune.TuneSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports are single offline pages: the library and the data inlined, nothing
 * fetched. What they look like is checked in a browser (see the README's screenshot);
 * here, what they contain.
 */
class ReportTests {

	private static final Pattern DATA = Pattern
		.compile("<script id=\"report-data\" type=\"application/json\">(.*?)</script>", Pattern.DOTALL);

	static SearchSummary summary() {
		SearchSpace space = ParamsFile.parse(
				"learning_rate choice [0.01,0.005,0.001]\nn_layers choice [1,2]\nhidden_dropout_prob uniform 0.1,0.5\n"
						+ "weight_decay loguniform -12,-4\n",
				"hyper.test", (warning) -> {
				});
		SplittableRandom random = new SplittableRandom(4);
		List<TrialResult> trials = new ArrayList<>();
		for (int n = 1; n <= 6; n++) {
			double[] point = space.sample(random);
			double top = 0.03 + 0.01 * point[0] + 0.005 * point[2];
			List<EpochPoint> curve = new ArrayList<>();
			int epochs = (n == 4) ? 3 : 12;
			for (int e = 0; e < epochs; e++) {
				curve.add(new EpochPoint(e, 500.0 / (e + 1), Map.of("mrr@10", top * (1 - Math.exp(-e / 3.0)))));
			}
			double score = curve.get(epochs - 1).valid().get("mrr@10");
			trials.add(new TrialResult(n, space.values(point), (n == 4) ? TrialStatus.STOPPED : TrialStatus.FINISHED,
					score, Map.of("mrr@10", score), Map.of("mrr@10", score * 0.9, "ndcg@10", score * 1.3), epochs - 1,
					epochs, 10.0 + n, curve, null));
		}
		trials.add(TrialResult.failed(7, space.values(space.sample(random)), 0.2, "n_heads </script> invalid"));
		TrialResult best = trials.stream()
			.filter((t) -> t.score() != null)
			.max((a, b) -> Double.compare(a.score(), b.score()))
			.orElseThrow();
		TuneOutcome outcome = new TuneOutcome(trials, best, 7, false, true, 0, 93.5);
		return new SearchSummary("SASRec", "ml-100k", "MRR@10",
				new TuneSettings("random", 7, 10, 2, "asha", 1, 12, 2020), space, outcome, 1);
	}

	private static JsonNode data(String html) {
		Matcher matcher = DATA.matcher(html);
		assertThat(matcher.find()).isTrue();
		return JsonMapper.builder().build().readTree(matcher.group(1));
	}

	private static void assertSelfContained(String html) {
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("uPlot")
			.doesNotContain("<script src")
			.doesNotContain("<link ")
			.doesNotContain("{{");
		assertThat(html).containsOnlyOnce("<script id=\"report-data\"");
		// the page's own script and the library: no request leaves the page
		assertThat(html).doesNotContainPattern("(src|href)=\"https?://");
	}

	@Test
	void tuneReportInlinesEverythingAndCarriesEveryTrial() throws Exception {
		String html = TuneReport.html(summary());
		assertSelfContained(html);
		JsonNode data = data(html);
		assertThat(data.get("kind").asString()).isEqualTo("tune");
		assertThat(data.get("metric").asString()).isEqualTo("mrr@10");
		assertThat(data.get("earlyStopped").asBoolean()).isFalse();
		assertThat(data.get("interrupted").asBoolean()).isTrue();
		assertThat(data.get("trials")).hasSize(7);
		assertThat(data.get("space")).hasSize(4);
		assertThat(data.get("trials").get(0).get("curve")).hasSize(12);
		assertThat(data.get("trials").get(3).get("status").asString()).isEqualTo("stopped");
		// a '</script>' inside the data cannot end the data block early
		assertThat(data.get("trials").get(6).get("error").asString()).isEqualTo("n_heads </script> invalid");
		Path out = Path.of("target", "reports", "tune-report.html");
		Files.createDirectories(out.getParent());
		Files.writeString(out, html);
	}

	@Test
	void runReportHasLossEveryMetricAndTheBestEpoch() throws Exception {
		List<EpochReport> history = new ArrayList<>();
		for (int e = 0; e < 8; e++) {
			RankingResult valid = new RankingResult(
					Map.of("recall@10", 0.1 + 0.01 * Math.min(e, 5), "ndcg@10", 0.05 + 0.005 * Math.min(e, 5)));
			history.add(new EpochReport(e, 900.0 / (e + 1), 1.0, 10, (e % 2 == 0) ? valid : null, valid.get("ndcg@10"),
					0.1, e == 5, e));
		}
		TrainingOutcome outcome = new TrainingOutcome(4, 8, history.get(4).valid(),
				new RankingResult(Map.of("recall@10", 0.12, "ndcg@10", 0.06)), 8.0, 5.0, "cpu", history);
		String html = RunReport.of("SASRec", "ml-100k", "NDCG@10", outcome).html();
		assertSelfContained(html);
		JsonNode data = data(html);
		assertThat(data.get("kind").asString()).isEqualTo("run");
		assertThat(data.get("bestEpoch").asInt()).isEqualTo(4);
		assertThat(data.get("loss")).hasSize(8);
		assertThat(data.get("valid").get("recall@10")).hasSize(8);
		assertThat(data.get("valid").get("recall@10").get(1).isNull()).isTrue();
		assertThat(data.get("test").get("ndcg@10").asDouble()).isEqualTo(0.06);
		Path out = Path.of("target", "reports", "run-report.html");
		Files.createDirectories(out.getParent());
		Files.writeString(out, html);
	}

}
