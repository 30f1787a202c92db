package io.seqrec.ranker.model;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.seqrec.ranker.RankerProperties;

/**
 * The model's part of readiness: up once a model is loaded, or at once when the
 * popularity fallback without a model is configured.
 */
@Component("model")
class ModelHealthIndicator implements HealthIndicator {

	private final ModelHolder holder;

	private final RankerProperties properties;

	ModelHealthIndicator(ModelHolder holder, RankerProperties properties) {
		this.holder = holder;
		this.properties = properties;
	}

	@Override
	public Health health() {
		LiveModel model = this.holder.peek();
		if (model != null) {
			return Health.up()
				.withDetail("name", model.name())
				.withDetail("version", model.version())
				.withDetail("createdAt", model.createdAt().toString())
				.build();
		}
		if (this.properties.fallback().withoutModel()) {
			return Health.up()
				.withDetail("name", this.properties.modelName())
				.withDetail("fallback", "popular items from Redis until a model is loaded")
				.build();
		}
		return Health.down()
			.withDetail("name", this.properties.modelName())
			.withDetail("reason", "no model loaded yet")
			.build();
	}

}
