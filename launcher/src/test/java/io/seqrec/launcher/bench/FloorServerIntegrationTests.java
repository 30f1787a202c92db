package io.seqrec.launcher.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.seqrec.launcher.EmbeddedRedis;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bench's serving floor answers the load generator's request from the user's sequence
 * in Redis, read as the ranker reads it.
 */
class FloorServerIntegrationTests {

	private static final int USERS = 3;

	private static final int EVENTS = 14;

	private static final int ITEMS = 1000;

	private static final long SEED = 42;

	private static EmbeddedRedis redis;

	private static FloorServer server;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start() throws Exception {
		redis = EmbeddedRedis.start(0);
		RankerFixtures.writeSequences(redis.url(), "user-", USERS, EVENTS, ITEMS, SEED);
		server = FloorServer.start(redis.url(), 12);
	}

	@AfterAll
	static void stop() throws Exception {
		server.close();
		redis.close();
	}

	@Test
	void answersTheLastTenOfTheUsersMostRecentItemsOldestFirst() throws Exception {
		HttpResponse<String> response = get("/v1/users/user-1/recommendations?k=10");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		JsonNode body = JsonMapper.builder().build().readTree(response.body());
		assertThat(body.get("userId").asString()).isEqualTo("user-1");
		List<String> items = new ArrayList<>();
		body.get("items").forEach((item) -> items.add(item.get("itemId").asString()));
		// the read asks for the 12 most recent events; the answer is the last 10 of them
		assertThat(items).isEqualTo(itemsOf(1).subList(EVENTS - 10, EVENTS));
	}

	@Test
	void answersAnUnknownUserWithNoItems() throws Exception {
		HttpResponse<String> response = get("/v1/users/nobody/recommendations");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.builder().build().readTree(response.body()).get("items")).isEmpty();
	}

	@Test
	void answersAnyOtherPathWithNotFound() throws Exception {
		assertThat(get("/v1/recommendations").statusCode()).isEqualTo(404);
	}

	@Test
	void servesTheLoadGeneratorsConnectionRequestAfterRequest() throws Exception {
		try (HttpConnection connection = new HttpConnection("127.0.0.1", server.port(), "key", USERS, 1)) {
			for (int i = 0; i < 50; i++) {
				assertThat(connection.send()).isTrue();
			}
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A user's items, oldest first: the same draws as
	 * {@link RankerFixtures#writeSequences}.
	 */
	private static List<String> itemsOf(int user) {
		SplittableRandom random = new SplittableRandom(SEED);
		List<String> items = new ArrayList<>();
		for (int u = 0; u <= user; u++) {
			items.clear();
			for (int t = 0; t < EVENTS; t++) {
				items.add("item-" + random.nextInt(ITEMS));
			}
		}
		return items;
	}

}
