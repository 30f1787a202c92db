package io.seqrec.trainer.web;

import jakarta.validation.constraints.AssertTrue;
import org.jspecify.annotations.Nullable;

/**
 * Moves the live pointer: {@code {"version": "..."}} pins that version (a rollback),
 * {@code {"followLatest": true}} returns to the newest accepted version.
 *
 * @param version the version to pin
 * @param followLatest whether to follow the newest accepted version
 */
record LiveRequest(@Nullable String version, @Nullable Boolean followLatest) {

	@AssertTrue(message = "give either a version to pin or followLatest: true, not both")
	boolean isExactlyOne() {
		boolean hasVersion = this.version != null && !this.version.isBlank();
		return hasVersion != isFollowLatest();
	}

	boolean isFollowLatest() {
		return Boolean.TRUE.equals(this.followLatest);
	}

}
