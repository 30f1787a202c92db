package io.seqrec.ranker.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.seqrec.contract.SequenceStoreException;
import io.seqrec.ranker.RankerProperties;
import io.seqrec.ranker.recommend.ModelUnavailableException;
import io.seqrec.ranker.recommend.Reason;
import io.seqrec.ranker.recommend.Recommendation;
import io.seqrec.ranker.recommend.RecommendationQuery;
import io.seqrec.ranker.recommend.RecommendationService;
import io.seqrec.ranker.recommend.RecommendedItem;
import io.seqrec.ranker.security.SecurityConfiguration;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract without a model: validation, problem documents, API keys, canonical
 * paths and the body size limit.
 */
@WebMvcTest(RecommendationController.class)
@Import({ SecurityConfiguration.class, WebServerConfiguration.class })
@EnableConfigurationProperties(RankerProperties.class)
@TestPropertySource(properties = { "seqrec.ranker.api-keys=test-key,second-key", "seqrec.ranker.max-k=100",
		"seqrec.ranker.max-request-size=2KB" })
class RecommendationControllerTests {

	private static final Recommendation ANSWER = new Recommendation(UUID.randomUUID(), "u1", "sasrec", "v1",
			List.of(new RecommendedItem("item-3", 1.5, Reason.MODEL)), null);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private RecommendationService service;

	private ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request.header("X-API-Key", "test-key"));
	}

	private ResultActions postJson(String path, String body) throws Exception {
		return perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static void isProblem(ResultActions result, int status) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status));
	}

	@Test
	void aUserRequestWithDefaults() throws Exception {
		given(this.service.recommend(any(RecommendationQuery.class))).willReturn(ANSWER);
		perform(get("/v1/users/u1/recommendations").param("exclude", "a,b")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].itemId").value("item-3"))
			.andExpect(jsonPath("$.items[0].reason").value("model"))
			.andExpect(jsonPath("$.version").value("v1"))
			.andExpect(jsonPath("$.recommendationId").isString());
		verify(this.service).recommend(RecommendationQuery.forUser("u1", 10, true, List.of("a", "b")));
	}

	@Test
	void aMissingOrWrongKeyIs401() throws Exception {
		ResultActions missing = this.mvc.perform(get("/v1/users/u1/recommendations"));
		isProblem(missing, 401);
		missing.andExpect(jsonPath("$.detail").value(containsString("missing")));
		isProblem(this.mvc.perform(get("/v1/users/u1/recommendations").header("X-API-Key", "test-kez")), 401);
		isProblem(this.mvc.perform(post("/v1/recommendations").header("X-API-Key", "")), 401);
		isProblem(this.mvc.perform(get("/nothing/here")), 401);
	}

	@Test
	void kOutOfRangeOrNotANumberIs400() throws Exception {
		isProblem(perform(get("/v1/users/u1/recommendations").param("k", "0")), 400);
		ResultActions tooLarge = perform(get("/v1/users/u1/recommendations").param("k", "101"));
		isProblem(tooLarge, 400);
		tooLarge.andExpect(jsonPath("$.detail").value("k must be between 1 and 100, got 101"));
		isProblem(perform(get("/v1/users/u1/recommendations").param("k", "ten")), 400);
		isProblem(postJson("/v1/recommendations", "{\"items\":[\"a\"],\"k\":1000}"), 400);
		isProblem(postJson("/v1/recommendations", "{\"items\":[\"a\"],\"k\":-1}"), 400);
	}

	@Test
	void emptyOrBlankSessionItemsAre400() throws Exception {
		postJson("/v1/recommendations", "{\"items\":[]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasItem(startsWith("items:"))));
		isProblem(postJson("/v1/recommendations", "{}"), 400);
		isProblem(postJson("/v1/recommendations", "{\"items\":[\" \"]}"), 400);
	}

	@Test
	void malformedJsonIs400() throws Exception {
		isProblem(postJson("/v1/recommendations", "{\"items\":[\"a\""), 400);
		isProblem(postJson("/v1/recommendations", "{\"items\":\"a\",\"k\":\"x\"}"), 400);
		isProblem(perform(post("/v1/recommendations").contentType(MediaType.TEXT_PLAIN).content("a")), 415);
	}

	@Test
	void badBatchesAre400() throws Exception {
		isProblem(postJson("/v1/recommendations/batch", "{\"requests\":[]}"), 400);
		isProblem(postJson("/v1/recommendations/batch", "{\"requests\":[{\"userId\":\"\"}]}"), 400);
		isProblem(postJson("/v1/recommendations/batch", "{\"requests\":[null]}"), 400);
		StringBuilder many = new StringBuilder("{\"requests\":[");
		for (int i = 0; i <= Limits.MAX_BATCH; i++) {
			many.append((i > 0) ? "," : "").append("{\"userId\":\"u").append(i).append("\"}");
		}
		isProblem(postJson("/v1/recommendations/batch", many.append("]}").toString()), 400);
	}

	@Test
	void aBatchAnswersInOrder() throws Exception {
		given(this.service.recommend(anyList())).willReturn(List.of(ANSWER, ANSWER));
		postJson("/v1/recommendations/batch",
				"{\"requests\":[{\"userId\":\"u1\"},{\"userId\":\"u2\",\"k\":3,\"excludeSeen\":false}]}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results.length()").value(2));
		verify(this.service).recommend(List.of(RecommendationQuery.forUser("u1", 10, true, List.of()),
				RecommendationQuery.forUser("u2", 3, false, List.of())));
	}

	@Test
	void unknownPathsAndMethodsAreProblems() throws Exception {
		isProblem(perform(get("/v1/nothing")), 404);
		isProblem(perform(get("/v1/recommendations")), 405);
	}

	@Test
	void noModelOrNoRedisIs503() throws Exception {
		given(this.service.recommend(any(RecommendationQuery.class)))
			.willThrow(new ModelUnavailableException("no model yet"));
		isProblem(perform(get("/v1/users/u1/recommendations")), 503);
		given(this.service.recommend(any(RecommendationQuery.class)))
			.willThrow(new SequenceStoreException("down", new IllegalStateException()));
		isProblem(perform(get("/v1/users/u1/recommendations")), 503);
	}

	@Test
	void aBodyOverTheLimitIs413AndNeverParsed() throws Exception {
		String large = "{\"items\":[\"" + "a".repeat(3000) + "\"]}";
		ResultActions refused = postJson("/v1/recommendations", large);
		isProblem(refused, 413);
		refused.andExpect(jsonPath("$.detail").value(containsString("at most 2048")));
		isProblem(postJson("/v1/recommendations/batch", large), 413);
		verifyNoInteractions(this.service);
		given(this.service.recommend(any(RecommendationQuery.class))).willReturn(ANSWER);
		postJson("/v1/recommendations", "{\"items\":[\"" + "a".repeat(200) + "\"]}").andExpect(status().isOk());
	}

	@Test
	void aWildcardContentTypeIs415NotA500() throws Exception {
		isProblem(perform(post("/v1/recommendations").header("Content-Type", "*/*").content("{\"items\":[\"a\"]}")),
				415);
		isProblem(perform(post("/v1/recommendations/batch").header("Content-Type", "application/*")
			.content("{\"requests\":[{\"userId\":\"u1\"}]}")), 415);
		verifyNoInteractions(this.service);
	}

	@Test
	void aPathThatIsNotCanonicalIs400EvenWhenItLooksOpen() throws Exception {
		isProblem(perform(get("/actuator/health/..;/..;/v1/users/u1/recommendations")), 400);
		isProblem(perform(get("/v1/users/u1/./recommendations")), 400);
		verifyNoInteractions(this.service);
	}

}
