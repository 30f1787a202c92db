package io.seqrec.trainer.run;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.seqrec.artifact.ModelStore;
import io.seqrec.trainer.TrainerProperties;

/**
 * The trainer's meters: run duration by outcome, time of the last successful run, age of
 * the live model, and gate refusals.
 */
@Component
public class TrainerMetrics {

	private final MeterRegistry registry;

	private final Counter refusals;

	private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();

	TrainerMetrics(MeterRegistry registry, ModelStore store, TrainerProperties properties, Clock clock) {
		this.registry = registry;
		this.refusals = Counter.builder("seqrec.trainer.gate.refusals")
			.description("Trained models the gate refused to deploy")
			.register(registry);
		Gauge.builder("seqrec.trainer.last.success", this.lastSuccessEpochSeconds, AtomicLong::get)
			.description("Epoch seconds of the last successful training run (0 = none yet)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("seqrec.trainer.live.model.age", store, (s) -> liveAge(s, properties.name(), clock))
			.description("Seconds since the live model version was published (-1 = none)")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double liveAge(ModelStore store, String name, Clock clock) {
		return store.live(name)
			.map((v) -> (double) (clock.millis() - Instant.parse(v.createdAt()).toEpochMilli()) / 1000.0)
			.orElse(-1.0);
	}

	void finished(RunStatus outcome, double seconds, @Nullable Instant successAt) {
		Timer.builder("seqrec.trainer.run")
			.description("Duration of training runs")
			.tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
			.register(this.registry)
			.record((long) (seconds * 1000), TimeUnit.MILLISECONDS);
		if (outcome == RunStatus.REFUSED) {
			this.refusals.increment();
		}
		if (successAt != null && outcome == RunStatus.SUCCEEDED) {
			this.lastSuccessEpochSeconds.set(successAt.getEpochSecond());
		}
	}

}
