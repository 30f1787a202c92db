package io.seqrec.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The launcher's client of the services' JSON APIs: a request, its parsed answer, and an
 * error that names the call for any status of 400 or above.
 */
public final class JsonHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * Sends a request and parses its answer.
	 * @param request the request
	 * @return the answer's JSON
	 * @throws IOException if the call fails
	 * @throws InterruptedException if interrupted while waiting
	 * @throws IllegalStateException if the service answers with an error status
	 */
	public JsonNode send(HttpRequest request) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 400) {
			throw new IllegalStateException(
					request.uri() + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

}
