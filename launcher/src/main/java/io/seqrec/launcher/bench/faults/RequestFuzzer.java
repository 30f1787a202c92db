package io.seqrec.launcher.bench.faults;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

import io.seqrec.http.RequestGuard;
import io.seqrec.http.RequestPaths;

/**
 * Generates HTTP requests from OpenAPI documents: every operation of every service, with
 * parameters and bodies made from their schemas, then spoiled in one way per request:
 * wrong types, malformed JSON, out-of-range numbers, unicode and very long ids, missing
 * or wrong API keys, unknown paths and methods, wrong content types, oversized bodies,
 * oversized headers. A quarter of the requests are left valid.
 */
final class RequestFuzzer {

	/** How a request is spoiled. */
	enum Kind {

		VALID(25), WRONG_TYPE(10), MALFORMED_JSON(10), NUMBER(8), ID(10), KEY(12), PATH(8), METHOD(7), CONTENT_TYPE(5),
		HEADER(2), OVERSIZED(0.2);

		private final double weight;

		Kind(double weight) {
			this.weight = weight;
		}

	}

	/**
	 * A service under test.
	 *
	 * @param name its name in the report
	 * @param port its local port
	 * @param key the API key it accepts
	 * @param openPrefixes paths it serves without a key
	 * @param api its OpenAPI document
	 */
	record Service(String name, int port, String key, List<String> openPrefixes, JsonNode api) {

		boolean isOpen(String rawPath) {
			if (!RequestPaths.isCanonical(rawPath)) {
				return false;
			}
			for (String open : this.openPrefixes) {
				if (RequestPaths.isUnder(rawPath, open)) {
					return true;
				}
			}
			return false;
		}

	}

	/**
	 * A generated request.
	 *
	 * @param service where it goes
	 * @param kind how it is spoiled
	 * @param method the method
	 * @param target the request target, as sent
	 * @param validKey whether it carries the service's key as its only key
	 * @param bytes the whole request
	 */
	record Request(Service service, Kind kind, String method, String target, boolean validKey, byte[] bytes) {

		boolean head() {
			return "HEAD".equals(this.method);
		}

		String path() {
			int query = this.target.indexOf('?');
			return (query < 0) ? this.target : this.target.substring(0, query);
		}

	}

	private record Operation(Service service, String method, String path, List<JsonNode> parameters,
			@Nullable JsonNode body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final String[] NUMBERS = { "0", "-1", "-2147483648", "2147483647", "2147483648",
			"99999999999999999999999", "1e3", "1.5", "NaN", "Infinity", "0x10", "+5", "007", "", " 5", "1e309" };

	private static final String[] ODD_IDS = { "\u00e9t\u00e9-\u65e5\u672c", "\ud83d\ude80\ud83d\udd25",
			"\u05e9\u05dc\u05d5\u05dd\u202e", "e\u0301\u0301\u0301", "a b", "a+b", "a\tb", "<script>", "'; DROP",
			"\u0000", "\u007f", "..", ".", "~", "*", "%", "\\" };

	private static final String[] ODD_ESCAPES = { "%zz", "%ff", "%c3%28", "%00", "%2e%2e", "%2F", "%5C", "%", "%e2%82",
			"%ed%a0%80" };

	private static final String[] PATHS = { "/", "/v1", "/v1/", "/v2/users/u/recommendations", "/admin", "/.env",
			"/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/health/../../v1/models",
			"/actuator/health/..;/..;/v1/training-runs", "/v1/users/u/recommendations/extra", "/v1//recommendations",
			"/%2e%2e/v1/models", "/v1/models/..%2F..%2Fetc", "/v1/users/%00%ff/recommendations",
			"/v1/users/a;b/recommendations", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs.yaml",
			"/actuator/health", "/actuator/health/liveness", "/actuator/prometheus", "/actuator/info", "*",
			"http://elsewhere.example/v1/models", "/v1/models/sasrec/live/", "/V1/MODELS", "/v1/training-runs/x/y/z" };

	private static final String[] METHODS = { "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "FOO", "GET",
			"POST", "get", "CONNECT" };

	private static final String[] CONTENT_TYPES = { "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=UTF-16",
			"application/json; charset=no-such-charset", "*/*", "application/problem+json", "" };

	private final List<Operation> operations = new ArrayList<>();

	private final List<Service> services;

	private final List<String> users;

	private final List<String> items;

	private final double totalWeight;

	/**
	 * Creates a generator.
	 * @param services the services and their OpenAPI documents
	 * @param users ids of users the ranker knows
	 * @param items ids of items the model knows
	 */
	RequestFuzzer(List<Service> services, List<String> users, List<String> items) {
		this.services = List.copyOf(services);
		this.users = List.copyOf(users);
		this.items = List.copyOf(items);
		for (Service service : services) {
			for (Map.Entry<String, JsonNode> path : service.api().path("paths").properties()) {
				for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
					JsonNode body = operation.getValue().path("requestBody").path("content").path("application/json");
					List<JsonNode> parameters = new ArrayList<>(operation.getValue().path("parameters").values());
					this.operations.add(new Operation(service, operation.getKey().toUpperCase(Locale.ROOT),
							path.getKey(), parameters, body.has("schema") ? body.get("schema") : null));
				}
			}
		}
		double total = 0;
		for (Kind kind : Kind.values()) {
			total += kind.weight;
		}
		this.totalWeight = total;
	}

	/**
	 * The operations found in the documents.
	 * @return {@code service METHOD path} of each
	 */
	List<String> describe() {
		return this.operations.stream().map((op) -> op.service().name() + " " + op.method() + " " + op.path()).toList();
	}

	/**
	 * The next request: a service, then one of its operations, then a way to spoil it.
	 * @param random the random source of the calling thread
	 * @return the request
	 */
	Request next(SplittableRandom random) {
		Service service = this.services.get(random.nextInt(this.services.size()));
		List<Operation> own = this.operations.stream().filter((op) -> op.service() == service).toList();
		Operation operation = own.get(random.nextInt(own.size()));
		return build(operation, kind(random), random);
	}

	private Kind kind(SplittableRandom random) {
		double pick = random.nextDouble() * this.totalWeight;
		for (Kind kind : Kind.values()) {
			pick -= kind.weight;
			if (pick < 0) {
				return kind;
			}
		}
		return Kind.VALID;
	}

	private Request build(Operation operation, Kind kind, SplittableRandom random) {
		Service service = operation.service();
		String method = operation.method();
		StringBuilder path = new StringBuilder();
		StringBuilder query = new StringBuilder();
		fillParameters(operation, kind, random, path, query);
		JsonNode body = (operation.body() != null) ? valid(operation.body(), service.api(), "", random) : null;
		byte[] bytes = (body != null) ? JSON.writeValueAsBytes(body) : null;
		String contentType = (bytes != null) ? "application/json" : null;
		List<String> headers = new ArrayList<>();
		String key = (random.nextDouble() < 0.05) ? null : service.key();
		boolean validKey = key != null;
		switch (kind) {
			case WRONG_TYPE -> {
				if (body != null) {
					bytes = JSON.writeValueAsBytes(wrongType(body, random));
				}
				else {
					query.setLength(0);
					query.append(random.nextBoolean() ? "k=ten" : "excludeSeen=maybe&k=" + random.nextInt(5));
				}
			}
			case MALFORMED_JSON -> {
				bytes = malformed((bytes != null) ? bytes : "{\"items\":[\"item-1\"]}".getBytes(), random);
				contentType = "application/json";
			}
			case NUMBER -> {
				String number = NUMBERS[random.nextInt(NUMBERS.length)];
				if (body instanceof ObjectNode object) {
					object.putRawValue("k", new RawValue(
							number.isEmpty() || number.startsWith(" ") || number.startsWith("0x") ? "\"x\"" : number));
					bytes = JSON.writeValueAsBytes(object);
				}
				else {
					query.setLength(0);
					query.append("k=").append(URLEncoder.encode(number, StandardCharsets.UTF_8));
				}
			}
			case ID -> {
				String id = oddId(random);
				if (body instanceof ObjectNode object) {
					replaceStrings(object, id, random);
					bytes = JSON.writeValueAsBytes(object);
				}
				else {
					path.setLength(0);
					path.append(expand(operation, random,
							(random.nextBoolean()) ? URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20")
									: ODD_ESCAPES[random.nextInt(ODD_ESCAPES.length)]));
				}
			}
			case KEY -> {
				validKey = false;
				int variant = random.nextInt(8);
				key = switch (variant) {
					case 0 -> null;
					case 1 -> "";
					case 2 -> "wrong-" + random.nextInt(1000);
					case 3 -> otherKey(service);
					case 4 -> "k".repeat(10_000);
					case 5 -> "Bearer " + service.key();
					case 6 -> service.key() + "x";
					default -> "cl\u00e9-" + service.key();
				};
				if (variant == 7 && random.nextBoolean()) {
					// the right key second: only the first counts
					headers.add(RequestGuard.HEADER + ": " + service.key());
				}
			}
			case PATH -> {
				path.setLength(0);
				query.setLength(0);
				path.append(
						(random.nextInt(10) == 0) ? "/v1/" + "a".repeat(7_000) : PATHS[random.nextInt(PATHS.length)]);
			}
			case METHOD -> method = METHODS[random.nextInt(METHODS.length)];
			case CONTENT_TYPE -> {
				if (bytes == null) {
					bytes = "{}".getBytes(StandardCharsets.UTF_8);
				}
				String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
				contentType = type.isEmpty() ? null : type;
			}
			case HEADER -> {
				if (random.nextBoolean()) {
					headers.add("X-Padding: " + "p".repeat(9_000));
				}
				else {
					for (int i = 0; i < 120; i++) {
						headers.add("X-Many-" + i + ": " + i);
					}
				}
			}
			case OVERSIZED -> {
				bytes = oversized(random);
				contentType = "application/json";
			}
			default -> {
				// valid
			}
		}
		String target = path + ((query.length() > 0) ? "?" + query : "");
		return new Request(service, kind, method, target, validKey,
				encode(method, target, service, key, contentType, headers, bytes, random));
	}

	private void fillParameters(Operation operation, Kind kind, SplittableRandom random, StringBuilder path,
			StringBuilder query) {
		path.append(expand(operation, random, null));
		for (JsonNode parameter : operation.parameters()) {
			if (!"query".equals(parameter.path("in").asString()) || random.nextBoolean()) {
				continue;
			}
			String name = parameter.path("name").asString();
			JsonNode value = valid(parameter.path("schema"), operation.service().api(), name, random);
			String text = value.isArray() ? String.join(",", value.values().stream().map(JsonNode::asString).toList())
					: value.asString();
			if (query.length() > 0) {
				query.append('&');
			}
			query.append(name).append('=').append(URLEncoder.encode(text, StandardCharsets.UTF_8));
		}
	}

	/** The path with its parameters: valid values, or the given raw segment. */
	private String expand(Operation operation, SplittableRandom random, @Nullable String raw) {
		String path = operation.path();
		int open = path.indexOf('{');
		while (open >= 0) {
			int close = path.indexOf('}', open);
			String name = path.substring(open + 1, close);
			String value = (raw != null) ? raw : URLEncoder.encode(text(name, random), StandardCharsets.UTF_8);
			path = path.substring(0, open) + value + path.substring(close + 1);
			open = path.indexOf('{');
		}
		return path;
	}

	/** A value that satisfies a schema. */
	private JsonNode valid(JsonNode schema, JsonNode api, String name, SplittableRandom random) {
		JsonNode resolved = resolve(schema, api);
		switch (resolved.path("type").asString("")) {
			case "object" -> {
				ObjectNode object = NODES.objectNode();
				List<String> required = resolved.path("required").values().stream().map(JsonNode::asString).toList();
				for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
					if (required.contains(property.getKey()) || random.nextBoolean()) {
						object.set(property.getKey(), valid(property.getValue(), api, property.getKey(), random));
					}
				}
				return object;
			}
			case "array" -> {
				ArrayNode array = NODES.arrayNode();
				int most = Math.min(resolved.path("maxItems").asInt(5), 5);
				for (int i = 1 + random.nextInt(Math.max(1, most)); i > 0; i--) {
					array.add(valid(resolved.path("items"), api, name, random));
				}
				return array;
			}
			case "integer" -> {
				int min = resolved.path("minimum").asInt(0);
				int max = resolved.has("maximum") ? resolved.path("maximum").asInt() : min + 19;
				return NODES.numberNode(min + random.nextInt(Math.max(1, max - min + 1)));
			}
			case "boolean" -> {
				return NODES.booleanNode(random.nextBoolean());
			}
			default -> {
				return NODES.stringNode(text(name, random));
			}
		}
	}

	private String text(String name, SplittableRandom random) {
		String lower = name.toLowerCase(Locale.ROOT);
		if (lower.contains("user")) {
			return this.users.get(random.nextInt(this.users.size()));
		}
		if (lower.contains("item") || lower.contains("exclude")) {
			return this.items.get(random.nextInt(this.items.size()));
		}
		if (lower.equals("name")) {
			return random.nextBoolean() ? "sasrec" : "model-" + random.nextInt(10);
		}
		return "v-" + Long.toHexString(random.nextLong());
	}

	private static JsonNode resolve(JsonNode schema, JsonNode api) {
		JsonNode resolved = schema;
		while (resolved.has("$ref")) {
			String ref = resolved.get("$ref").asString();
			resolved = api.at(ref.substring(1));
		}
		return resolved;
	}

	private String oddId(SplittableRandom random) {
		return switch (random.nextInt(4)) {
			case 0 -> "u".repeat(257 + random.nextInt(4_000));
			case 1 -> ODD_IDS[random.nextInt(ODD_IDS.length)].repeat(1 + random.nextInt(80));
			case 2 -> this.users.get(random.nextInt(this.users.size())) + ODD_IDS[random.nextInt(ODD_IDS.length)];
			default -> "\ud800" + "x";
		};
	}

	private static void replaceStrings(JsonNode node, String value, SplittableRandom random) {
		if (node instanceof ObjectNode object) {
			for (Map.Entry<String, JsonNode> property : new ArrayList<>(object.properties())) {
				if (property.getValue().isString() && random.nextBoolean()) {
					object.put(property.getKey(), value);
				}
				else {
					replaceStrings(property.getValue(), value, random);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				if (array.get(i).isString()) {
					array.set(i, NODES.stringNode(value));
				}
				else {
					replaceStrings(array.get(i), value, random);
				}
			}
		}
	}

	/** The body with one value of another JSON type, or another type of document. */
	private static JsonNode wrongType(JsonNode body, SplittableRandom random) {
		JsonNode[] others = { NODES.numberNode(42), NODES.stringNode("x"), NODES.booleanNode(true), NODES.nullNode(),
				NODES.arrayNode().add(1), NODES.objectNode().put("a", 1), NODES.numberNode(-7.5) };
		if (!(body instanceof ObjectNode object) || object.isEmpty() || random.nextInt(5) == 0) {
			return others[random.nextInt(others.length)];
		}
		List<String> names = new ArrayList<>(object.propertyNames());
		String name = names.get(random.nextInt(names.size()));
		JsonNode value = object.get(name);
		if (value instanceof ArrayNode array && !array.isEmpty() && random.nextBoolean()) {
			array.set(random.nextInt(array.size()), others[random.nextInt(others.length)]);
		}
		else {
			object.set(name, others[random.nextInt(others.length)]);
		}
		if (random.nextInt(4) == 0) {
			object.set("unknownField", NODES.stringNode("?"));
		}
		return object;
	}

	private static byte[] malformed(byte[] valid, SplittableRandom random) {
		return switch (random.nextInt(9)) {
			case 0 -> Arrays.copyOf(valid, Math.max(1, random.nextInt(Math.max(1, valid.length))));
			case 1 -> {
				byte[] noise = new byte[1 + random.nextInt(200)];
				random.nextBytes(noise);
				yield noise;
			}
			case 2 -> concat("{\"items\":[\"".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xc3, 0x28 },
					"\"]}".getBytes(StandardCharsets.UTF_8));
			case 3 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
			case 4 -> ("{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000)).getBytes(StandardCharsets.UTF_8);
			case 5 -> concat(valid, "garbage".getBytes(StandardCharsets.UTF_8));
			case 6 -> new byte[0];
			case 7 -> "{'items': ['item-1'], /* comment */ 'k': NaN}".getBytes(StandardCharsets.UTF_8);
			default -> concat(new byte[] { (byte) 0xef, (byte) 0xbb, (byte) 0xbf }, valid);
		};
	}

	private byte[] oversized(SplittableRandom random) {
		int size = 1_500_000 + random.nextInt(1_500_000);
		StringBuilder json = new StringBuilder(size + 32).append("{\"items\":[");
		while (json.length() < size) {
			json.append('"').append(this.items.get(random.nextInt(this.items.size()))).append("\",");
		}
		json.setLength(json.length() - 1);
		return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
	}

	private String otherKey(Service service) {
		for (Service other : this.services) {
			if (other != service) {
				return other.key();
			}
		}
		return "other";
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** The request's bytes; a fifth of the bodies are sent in chunks without a length. */
	private static byte[] encode(String method, String target, Service service, @Nullable String key,
			@Nullable String contentType, List<String> headers, byte @Nullable [] body, SplittableRandom random) {
		StringBuilder head = new StringBuilder(256);
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(service.port());
		head.append("\r\nAccept: ").append(random.nextBoolean() ? "application/json" : "text/html");
		if (key != null) {
			head.append("\r\n").append(RequestGuard.HEADER).append(": ").append(key);
		}
		for (String header : headers) {
			head.append("\r\n").append(header);
		}
		if (contentType != null) {
			head.append("\r\nContent-Type: ").append(contentType);
		}
		boolean chunked = body != null && random.nextInt(5) == 0;
		if (body != null) {
			head.append(chunked ? "\r\nTransfer-Encoding: chunked" : "\r\nContent-Length: " + body.length);
		}
		head.append("\r\n\r\n");
		ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + ((body != null) ? body.length : 0) + 16);
		// header values are sent as UTF-8 bytes, whatever HTTP says about them
		out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
		if (body != null) {
			if (chunked) {
				if (body.length > 0) {
					out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.writeBytes(body);
					out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
				}
				out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else {
				out.writeBytes(body);
			}
		}
		return out.toByteArray();
	}

}
