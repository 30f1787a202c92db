package io.seqrec.artifact;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * A registry entry: one stored artifact version and what became of it.
 *
 * @param name the model name
 * @param version the version
 * @param location where the artifact is in the store ({@code name/version})
 * @param status whether it passed the gate
 * @param metrics its evaluation metrics ({@code test.ndcg@10}, ...)
 * @param checksum SHA-256 of its manifest
 * @param createdAt ISO-8601 time it was published
 * @param reason why it was refused, if it was
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersion(String name, String version, String location, Status status, Map<String, Double> metrics,
		String checksum, String createdAt, @Nullable String reason) {

	public ModelVersion {
		metrics = Map.copyOf(metrics);
	}

	/** What became of a version. */
	public enum Status {

		/** Passed the gate: can be live. */
		ACCEPTED,
		/**
		 * Kept and reported, never deployed: worse than the live version beyond
		 * tolerance.
		 */
		REFUSED

	}

	/**
	 * A copy with another status and reason.
	 * @param newStatus the status
	 * @param newReason the reason, or null
	 * @return the copy
	 */
	public ModelVersion withStatus(Status newStatus, @Nullable String newReason) {
		return new ModelVersion(this.name, this.version, this.location, newStatus, this.metrics, this.checksum,
				this.createdAt, newReason);
	}

	/**
	 * A copy at a location.
	 * @param newLocation the location
	 * @return the copy
	 */
	public ModelVersion at(String newLocation) {
		return new ModelVersion(this.name, this.version, newLocation, this.status, this.metrics, this.checksum,
				this.createdAt, this.reason);
	}

}
