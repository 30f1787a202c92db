package io.seqrec.ranker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request written byte for byte, for what HTTP clients refuse to send (invalid
 * percent-encoding, dot segments) or for a body that is announced but never sent.
 */
final class RawHttp {

	private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)content-length: *(\\d+)");

	private RawHttp() {
	}

	/**
	 * Sends a request head (and nothing more) and reads the answer: its head, then as
	 * many bytes as its {@code Content-Length} says, or all until the server closes the
	 * connection.
	 * @param port the local port
	 * @param head the request line and headers, without the blank line that ends them
	 * @return status line, headers and body
	 * @throws IOException if the exchange fails
	 */
	static String exchange(int port, String head) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(
					(head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder answer = new StringBuilder();
			while (!answer.toString().endsWith("\r\n\r\n")) {
				int b = in.read();
				if (b < 0) {
					break;
				}
				answer.append((char) b);
			}
			Matcher length = CONTENT_LENGTH.matcher(answer);
			byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : in.readAllBytes();
			return answer + new String(body, StandardCharsets.UTF_8);
		}
	}

}
