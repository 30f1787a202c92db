package io.seqrec.ranker.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Recommendations for many users in one call.
 *
 * @param requests one request per user (at most {@value Limits#MAX_BATCH})
 */
public record BatchRequest(@NotEmpty @Size(max = Limits.MAX_BATCH) List<@Valid @NotNull UserRequest> requests) {
}
