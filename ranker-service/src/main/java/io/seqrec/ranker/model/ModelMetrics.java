package io.seqrec.ranker.model;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The model's meters: which version is live ({@code seqrec.ranker.model.info}, value 1,
 * tagged with name and version), how old it is, and how many loads succeeded or were
 * refused.
 */
@Component
public class ModelMetrics {

	private final MeterRegistry registry;

	private final Counter loaded;

	private final Counter refused;

	private @Nullable Gauge info;

	ModelMetrics(MeterRegistry registry, ModelHolder holder, Clock rankerClock) {
		this.registry = registry;
		this.loaded = Counter.builder("seqrec.ranker.model.loads")
			.description("Model versions loaded and swapped in")
			.tag("outcome", "loaded")
			.register(registry);
		this.refused = Counter.builder("seqrec.ranker.model.loads")
			.description("Model versions loaded and swapped in")
			.tag("outcome", "refused")
			.register(registry);
		Gauge.builder("seqrec.ranker.model.age", holder, (h) -> age(h, rankerClock))
			.description("Seconds since the live model's artifact was written (-1 = no model)")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double age(ModelHolder holder, Clock clock) {
		LiveModel model = holder.peek();
		return (model != null) ? (clock.millis() - model.createdAt().toEpochMilli()) / 1000.0 : -1;
	}

	synchronized void swapped(LiveModel model) {
		this.loaded.increment();
		if (this.info != null) {
			this.registry.remove(this.info);
		}
		this.info = Gauge.builder("seqrec.ranker.model.info", () -> 1)
			.description("The live model version (value 1, tagged with its name and version)")
			.tag("name", model.name())
			.tag("version", model.version())
			.register(this.registry);
	}

	void refused() {
		this.refused.increment();
	}

}
