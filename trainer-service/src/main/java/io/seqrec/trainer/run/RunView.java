package io.seqrec.trainer.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A training run as the API reports it.
 *
 * @param id the run id
 * @param status where it is
 * @param trigger what started it ({@code api}, {@code schedule}, {@code new-events})
 * @param startedAt when it started
 * @param finishedAt when it ended, if it did
 * @param durationSeconds how long it ran (so far)
 * @param device the training device
 * @param progress epochs and batches done
 * @param data users, items and interactions of the snapshot, and split sizes
 * @param timings seconds per stage (snapshot, prepare, train, publish)
 * @param epochs per-epoch loss, time and validation metrics (the curves)
 * @param bestValid the best validation result
 * @param test the test result of the best checkpoint
 * @param version the published version
 * @param gate the gate's decision
 * @param error why it failed
 * @param report the address of the run's report page (HTML: loss and validation curves,
 * best epoch, results)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunView(String id, RunStatus status, String trigger, Instant startedAt, @Nullable Instant finishedAt,
		double durationSeconds, @Nullable String device, Map<String, Object> progress, Map<String, Object> data,
		Map<String, Double> timings, List<Map<String, Object>> epochs, Map<String, Double> bestValid,
		Map<String, Double> test, @Nullable String version, @Nullable String gate, @Nullable String error,
		String report) {

}
