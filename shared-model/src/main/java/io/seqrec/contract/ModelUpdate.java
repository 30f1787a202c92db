package io.seqrec.contract;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A change of the live model, written to {@link Topics#MODEL_UPDATES} (compacted, key =
 * model name). Rankers load the artifact at {@code location} and swap to it.
 *
 * @param name the model name (registry key, e.g. {@code sasrec})
 * @param version the version that is now live
 * @param location where the artifact directory is, relative to the model store root
 * @param metrics the version's evaluation metrics (for example {@code test.ndcg@10})
 * @param checksum the SHA-256 of the artifact's manifest
 * @param publishedAt epoch milliseconds of the change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelUpdate(String name, String version, String location, Map<String, Double> metrics, String checksum,
		long publishedAt) {

	public ModelUpdate {
		metrics = Map.copyOf(metrics);
	}

}
