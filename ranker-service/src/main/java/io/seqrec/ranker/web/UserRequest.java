package io.seqrec.ranker.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * One user's part of a batch request.
 *
 * @param userId the user
 * @param k how many items (default {@code seqrec.ranker.default-k})
 * @param excludeSeen whether the user's recent items are left out (default true)
 * @param exclude further items to leave out
 */
public record UserRequest(
		@Schema(description = "The user",
				example = "user-42") @NotBlank @Size(max = Limits.MAX_ID_LENGTH) String userId,
		@Schema(description = "How many items", example = "10") @Nullable @Min(1) Integer k,
		@Schema(description = "Leave the user's recent items out (default true)") @Nullable Boolean excludeSeen,
		@Schema(description = "Items to leave out") @Nullable @Size(max = Limits.MAX_ITEMS) List<String> exclude) {
}
