package io.seqrec.ranker.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.seqrec.ranker.RankerProperties;
import io.seqrec.ranker.recommend.Recommendation;
import io.seqrec.ranker.recommend.RecommendationQuery;
import io.seqrec.ranker.recommend.RecommendationService;

/**
 * Recommendations for a known user, for an anonymous session, and for many users at once.
 */
@RestController
@RequestMapping("/v1")
@Tag(name = "recommendations", description = "Top-K next items from the live sequence model")
class RecommendationController {

	private final RecommendationService service;

	private final RankerProperties properties;

	RecommendationController(RecommendationService service, RankerProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	// The parameters are described on the operation, not on each parameter: Spring MVC
	// compares a parameter's annotations, attribute by attribute, each time it converts
	// its value, and with the OpenAPI annotation's many attributes that was about 2 KB of
	// garbage per request (bench ranker: 45.7 KB allocated per request, then 44.1).
	@GetMapping("/users/{userId}/recommendations")
	@Operation(summary = "Recommendations for a user",
			description = "Scores every item with the live model from the user's most recent events in Redis. "
					+ "Unknown users, or users none of whose items the model knows, get popular items "
					+ "(reason 'popular').",
			parameters = {
					@Parameter(name = "userId", in = ParameterIn.PATH, description = "The user", example = "user-42"),
					@Parameter(name = "k", in = ParameterIn.QUERY, description = "How many items (default 10)"),
					@Parameter(name = "excludeSeen", in = ParameterIn.QUERY,
							description = "Leave the user's recent items out"),
					@Parameter(name = "exclude", in = ParameterIn.QUERY,
							description = "Items to leave out, comma-separated") })
	Recommendation forUser(@PathVariable @Size(min = 1, max = Limits.MAX_ID_LENGTH) String userId,
			@RequestParam(required = false) @Min(1) @Nullable Integer k,
			@RequestParam(defaultValue = "true") boolean excludeSeen,
			@RequestParam(required = false) @Size(max = Limits.MAX_ITEMS) @Nullable List<String> exclude) {
		return this.service.recommend(RecommendationQuery.forUser(userId, k(k), excludeSeen, ids(exclude)));
	}

	@PostMapping("/recommendations")
	@Operation(summary = "Recommendations for an anonymous session",
			description = "Scores every item from the given items, oldest first. Items the model does not know "
					+ "are ignored and listed in 'unknownItems'.")
	Recommendation forSession(@Valid @RequestBody SessionRequest request) {
		return this.service.recommend(RecommendationQuery.forSession(request.items(), k(request.k()),
				!Boolean.FALSE.equals(request.excludeSeen()), ids(request.exclude())));
	}

	@PostMapping("/recommendations/batch")
	@Operation(summary = "Recommendations for many users",
			description = "One Redis round trip and one scoring pass for all users; results in request order.")
	BatchResponse forUsers(@Valid @RequestBody BatchRequest request) {
		List<RecommendationQuery> queries = new ArrayList<>(request.requests().size());
		for (UserRequest user : request.requests()) {
			queries.add(RecommendationQuery.forUser(user.userId(), k(user.k()),
					!Boolean.FALSE.equals(user.excludeSeen()), ids(user.exclude())));
		}
		return new BatchResponse(this.service.recommend(queries));
	}

	private int k(@Nullable Integer k) {
		if (k == null) {
			return this.properties.defaultK();
		}
		if (k < 1 || k > this.properties.maxK()) {
			throw new InvalidRequestException("k must be between 1 and " + this.properties.maxK() + ", got " + k);
		}
		return k;
	}

	private static List<String> ids(@Nullable List<String> ids) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		List<String> kept = new ArrayList<>(ids.size());
		for (String id : ids) {
			if (id != null && !id.isBlank()) {
				kept.add(id.strip());
			}
		}
		return kept;
	}

}
