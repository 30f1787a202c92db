package io.seqrec.trainer.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.seqrec.trainer.run.RunView;
import io.seqrec.trainer.run.TrainingRun;
import io.seqrec.trainer.run.TrainingRunService;

/**
 * Starts, lists and follows training runs.
 */
@RestController
@RequestMapping("/v1/training-runs")
class TrainingRunController {

	private final TrainingRunService runs;

	TrainingRunController(TrainingRunService runs) {
		this.runs = runs;
	}

	/** Starts a run now: 202 with the run, or 409 with the running run's id. */
	@PostMapping
	ResponseEntity<RunView> start() {
		TrainingRun run = this.runs.start("api");
		return ResponseEntity.accepted().location(URI.create("/v1/training-runs/" + run.id())).body(run.view());
	}

	@GetMapping
	List<RunView> recent() {
		return this.runs.recent().stream().map(TrainingRun::view).toList();
	}

	@GetMapping("/{id}")
	RunView get(@PathVariable String id) {
		return this.runs.find(id).orElseThrow(() -> new NotFoundException("no training run " + id)).view();
	}

	/** The run's report: a self-contained HTML page with its curves and results. */
	@GetMapping(path = "/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
	String report(@PathVariable String id) {
		return this.runs.find(id).orElseThrow(() -> new NotFoundException("no training run " + id)).report().html();
	}

	/** Stops a running run after its current batch; its model is not published. */
	@PostMapping("/{id}/cancel")
	ResponseEntity<RunView> cancel(@PathVariable String id) {
		TrainingRun run = this.runs.find(id).orElseThrow(() -> new NotFoundException("no training run " + id));
		if (!this.runs.cancel(id)) {
			throw new ConflictException("training run " + id + " is already " + run.view().status());
		}
		return ResponseEntity.accepted().body(run.view());
	}

}
