package io.seqrec.ranker.recommend;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts answers by reason ({@code seqrec.ranker.recommendations}, tag {@code reason}:
 * {@code model} or {@code popular}, so the fallback rate is popular / all) and fallbacks
 * by cause ({@code seqrec.ranker.fallbacks}, tag {@code cause}: {@code unknown_user},
 * {@code unknown_items} or {@code no_model}).
 */
@Component
class RecommendationMetrics {

	private final Counter model;

	private final Counter popular;

	private final Counter unknownUser;

	private final Counter unknownItems;

	private final Counter noModel;

	RecommendationMetrics(MeterRegistry registry) {
		this.model = answers(registry, "model");
		this.popular = answers(registry, "popular");
		this.unknownUser = fallbacks(registry, "unknown_user");
		this.unknownItems = fallbacks(registry, "unknown_items");
		this.noModel = fallbacks(registry, "no_model");
	}

	private static Counter answers(MeterRegistry registry, String reason) {
		return Counter.builder("seqrec.ranker.recommendations")
			.description("Recommendation answers, by reason")
			.tag("reason", reason)
			.register(registry);
	}

	private static Counter fallbacks(MeterRegistry registry, String cause) {
		return Counter.builder("seqrec.ranker.fallbacks")
			.description("Answers with popular items instead of model scores, by cause")
			.tag("cause", cause)
			.register(registry);
	}

	void scored() {
		this.model.increment();
	}

	void unknownUser() {
		this.popular.increment();
		this.unknownUser.increment();
	}

	void unknownItems() {
		this.popular.increment();
		this.unknownItems.increment();
	}

	void noModel() {
		this.popular.increment();
		this.noModel.increment();
	}

}
