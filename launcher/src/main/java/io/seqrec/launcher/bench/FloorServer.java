package io.seqrec.launcher.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;

import io.seqrec.contract.RedisSequenceStore;
import io.seqrec.contract.SequenceStore;

/**
 * The serving floor of {@code seqrec bench ranker --floor}: the least an HTTP server on
 * these cores can do for the ranker's request. One thread per connection reads {@code GET
 * /v1/users/{user}/recommendations}, reads the user's most recent items with the ranker's
 * own Redis read ({@link RedisSequenceStore#recentItems}), and answers the last ten of
 * them as JSON of the ranker's shape, written by hand. No framework, no model, no
 * metrics: what the ranker costs above this is its serving path.
 */
final class FloorServer implements AutoCloseable {

	private static final int ITEMS = 10;

	private final RedisClient client;

	private final StatefulRedisConnection<String, String> connection;

	private final SequenceStore sequences;

	private final int limit;

	private final ServerSocket server;

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	private FloorServer(String redisUrl, int limit) throws IOException {
		this.client = RedisClient.create(redisUrl);
		this.connection = this.client.connect(StringCodec.UTF8);
		this.sequences = new RedisSequenceStore(this.connection.async(), 1000);
		this.limit = limit;
		this.server = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "floor-acceptor");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Starts a server on a free loopback port.
	 * @param redisUrl the Redis with the users' sequences
	 * @param limit the events read per user (the model's sequence length)
	 * @return the server
	 * @throws IOException if it cannot listen
	 */
	static FloorServer start(String redisUrl, int limit) throws IOException {
		return new FloorServer(redisUrl, limit);
	}

	/**
	 * The port it listens on.
	 * @return the port
	 */
	int port() {
		return this.server.getLocalPort();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				socket.setTcpNoDelay(true);
				this.open.add(socket);
				Thread connection = new Thread(() -> serve(socket), "floor-connection");
				connection.setDaemon(true);
				connection.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
			OutputStream out = socket.getOutputStream();
			while (true) {
				// the load generator's line reader; it throws when the client closes
				String request = HttpConnection.readLine(in);
				while (!HttpConnection.readLine(in).isEmpty()) {
					// headers are not needed
				}
				out.write(answer(request));
			}
		}
		catch (IOException | RuntimeException ex) {
			// the connection ends; the load generator counts what did not come back
		}
		finally {
			this.open.remove(socket);
		}
	}

	/**
	 * The whole response to one request line.
	 */
	private byte[] answer(String requestLine) {
		String prefix = "GET /v1/users/";
		int end = requestLine.indexOf("/recommendations");
		if (!requestLine.startsWith(prefix) || end < prefix.length()) {
			return response("404 Not Found", "{\"status\":404}");
		}
		String user = requestLine.substring(prefix.length(), end);
		List<String> items = this.sequences.recentItems(List.of(user), this.limit).get(0);
		StringBuilder body = new StringBuilder(64 + 48 * ITEMS).append("{\"userId\":\"")
			.append(user)
			.append("\",\"items\":[");
		int from = Math.max(0, items.size() - ITEMS);
		for (int i = from; i < items.size(); i++) {
			body.append((i > from) ? "," : "")
				.append("{\"itemId\":\"")
				.append(items.get(i))
				.append("\",\"score\":0.0,\"reason\":\"floor\"}");
		}
		return response("200 OK", body.append("]}").toString());
	}

	private static byte[] response(String status, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] whole = new byte[head.length + body.length];
		System.arraycopy(head, 0, whole, 0, head.length);
		System.arraycopy(body, 0, whole, head.length, body.length);
		return whole;
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
		this.connection.close();
		this.client.shutdown();
	}

}
