package io.seqrec.ranker.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Recommendations for an anonymous session.
 *
 * @param items the session's items, oldest first; items the model does not know are
 * ignored and reported
 * @param k how many items (default {@code seqrec.ranker.default-k}, at most
 * {@code seqrec.ranker.max-k})
 * @param excludeSeen whether the session's items are left out (default true)
 * @param exclude further items to leave out
 */
public record SessionRequest(
		@Schema(description = "The session's items, oldest first",
				example = "[\"item-1\", \"item-8\"]") @NotEmpty @Size(
						max = Limits.MAX_ITEMS) List<@NotBlank @Size(max = Limits.MAX_ID_LENGTH) String> items,
		@Schema(description = "How many items", example = "10") @Nullable @Min(1) Integer k,
		@Schema(description = "Leave the session's items out (default true)") @Nullable Boolean excludeSeen,
		@Schema(description = "Items to leave out") @Nullable @Size(max = Limits.MAX_ITEMS) List<String> exclude) {
}
