package io.seqrec.ranker.model;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The scorers' meters.
 */
final class ScoringMeters {

	private ScoringMeters() {
	}

	static DistributionSummary batchSizes(MeterRegistry meters) {
		return DistributionSummary.builder("seqrec.ranker.scoring.batch.size")
			.description("Sequences scored per forward pass")
			.register(meters);
	}

}
