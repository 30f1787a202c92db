package io.seqrec.trainer.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request written byte for byte, for paths that HTTP clients refuse to send
 * (invalid percent-encoding, dot segments).
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a GET and reads the whole answer.
	 * @param port the local port
	 * @param path the request target, sent as is
	 * @param key the API key
	 * @return status line, headers and body
	 * @throws IOException if the exchange fails
	 */
	static String get(int port, String path, String key) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-API-Key: " + key
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
