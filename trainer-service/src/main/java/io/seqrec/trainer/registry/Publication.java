package io.seqrec.trainer.registry;

import io.seqrec.artifact.ModelVersion;

/**
 * What publishing a trained model did.
 *
 * @param version the stored version
 * @param decision the gate's decision, in words
 */
public record Publication(ModelVersion version, String decision) {

	/**
	 * Whether the gate accepted the version.
	 * @return true if accepted
	 */
	public boolean accepted() {
		return this.version.status() == ModelVersion.Status.ACCEPTED;
	}

}
