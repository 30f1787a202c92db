package io.seqrec.launcher.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One keep-alive HTTP/1.1 connection of the load generator: sends {@code GET
 * /v1/users/{random user}/recommendations?k=10} and reads the whole answer, reconnecting
 * when the server closes the connection (it does after a number of requests).
 */
public final class HttpConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private final int users;

	private final String headers;

	private final SplittableRandom random;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	/**
	 * Prepares a connection (it connects on the first request).
	 * @param host the ranker's host
	 * @param port its port
	 * @param apiKey the API key sent
	 * @param users users {@code user-0} to {@code user-(users-1)} are asked for
	 * @param seed the seed of the user choice
	 */
	HttpConnection(String host, int port, String apiKey, int users, long seed) {
		this.host = host;
		this.port = port;
		this.users = users;
		this.headers = " HTTP/1.1\r\nHost: " + host + "\r\nX-API-Key: " + apiKey + "\r\n\r\n";
		this.random = new SplittableRandom(seed);
	}

	/**
	 * Sends one request for a random user and reads the answer.
	 * @return whether the status was 200
	 * @throws IOException if the connection fails
	 */
	boolean send() throws IOException {
		if (this.socket == null) {
			this.socket = new Socket();
			this.socket.setTcpNoDelay(true);
			this.socket.connect(new InetSocketAddress(this.host, this.port), 10_000);
			this.socket.setSoTimeout(30_000);
			this.in = new BufferedInputStream(this.socket.getInputStream(), 1 << 16);
			this.out = this.socket.getOutputStream();
		}
		String request = "GET /v1/users/user-" + this.random.nextInt(this.users) + "/recommendations?k=10"
				+ this.headers;
		this.out.write(request.getBytes(StandardCharsets.US_ASCII));
		Response response = readResponse(this.in);
		if (response.close()) {
			close();
		}
		return response.status() == 200;
	}

	@Override
	public void close() throws IOException {
		if (this.socket != null) {
			this.socket.close();
			this.socket = null;
		}
	}

	private static Response readResponse(InputStream in) throws IOException {
		String statusLine = readLine(in);
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (chunked) {
			for (long size = Long.parseLong(readLine(in).trim(), 16); size > 0; size = Long
				.parseLong(readLine(in).trim(), 16)) {
				skip(in, size);
				readLine(in);
			}
			readLine(in);
		}
		else if (length > 0) {
			skip(in, length);
		}
		return new Response(status, close);
	}

	private static void skip(InputStream in, long bytes) throws IOException {
		long left = bytes;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed in a response body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	/**
	 * Reads one HTTP/1.1 line (status, header or chunk size), without its CRLF.
	 * @param in the connection's input
	 * @return the line
	 * @throws IOException if the connection closes first
	 */
	public static String readLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder(64);
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new IOException("connection closed by the server");
			}
			if (b == '\n') {
				int end = line.length();
				return (end > 0 && line.charAt(end - 1) == '\r') ? line.substring(0, end - 1) : line.toString();
			}
			line.append((char) b);
		}
	}

	private record Response(int status, boolean close) {
	}

}
