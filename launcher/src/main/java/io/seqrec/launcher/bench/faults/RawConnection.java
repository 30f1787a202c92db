package io.seqrec.launcher.bench.faults;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.seqrec.launcher.bench.HttpConnection;

/**
 * One keep-alive HTTP/1.1 connection that sends requests byte for byte, as no HTTP client
 * would (invalid percent-encoding, unknown methods, bodies that lie about their type),
 * and reads each answer's status and content type. A connection the server closed is
 * opened again.
 */
final class RawConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private @Nullable Socket socket;

	private @Nullable InputStream in;

	private @Nullable OutputStream out;

	RawConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param contentType its {@code Content-Type}, or null
	 */
	record Response(int status, @Nullable String contentType) {

		boolean isProblem() {
			return this.contentType != null
					&& this.contentType.toLowerCase(Locale.ROOT).startsWith("application/problem+json");
		}

	}

	/**
	 * Sends a request and reads its answer; a request on a connection the server had
	 * closed in the meantime is sent once more on a new one.
	 * @param request the request's bytes
	 * @param head whether it is a HEAD request (its answer has no body)
	 * @return the answer
	 * @throws IOException if no answer comes
	 */
	Response exchange(byte[] request, boolean head) throws IOException {
		boolean reused = this.socket != null;
		try {
			return send(request, head);
		}
		catch (IOException ex) {
			close();
			if (!reused) {
				throw ex;
			}
			return send(request, head);
		}
	}

	private Response send(byte[] request, boolean head) throws IOException {
		if (this.socket == null) {
			Socket opened = new Socket();
			opened.setTcpNoDelay(true);
			opened.connect(new InetSocketAddress(this.host, this.port), 5_000);
			opened.setSoTimeout(30_000);
			this.socket = opened;
			this.in = new BufferedInputStream(opened.getInputStream(), 1 << 16);
			this.out = opened.getOutputStream();
		}
		try {
			this.out.write(request);
			this.out.flush();
		}
		catch (IOException ex) {
			// the server may have answered and closed before reading all of a large body
			if (this.in.available() == 0) {
				throw ex;
			}
		}
		return read(head);
	}

	private Response read(boolean head) throws IOException {
		String statusLine = line();
		if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
			throw new IOException("not an HTTP answer: " + statusLine);
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		String contentType = null;
		long length = -1;
		boolean chunked = false;
		boolean close = false;
		for (String header = line(); !header.isEmpty(); header = line()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-type:")) {
				contentType = header.substring(13).trim();
			}
			else if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = true;
			}
		}
		if (head || status == 204 || status == 304 || status < 200) {
			// no body
		}
		else if (chunked) {
			for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
				this.in.skipNBytes(size);
				line();
			}
			for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
				// trailers are not used
			}
		}
		else if (length >= 0) {
			this.in.skipNBytes(length);
		}
		else {
			this.in.transferTo(OutputStream.nullOutputStream());
			close = true;
		}
		if (close) {
			close();
		}
		return new Response(status, contentType);
	}

	private String line() throws IOException {
		return HttpConnection.readLine(this.in);
	}

	@Override
	public void close() {
		if (this.socket != null) {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}
		this.socket = null;
		this.in = null;
		this.out = null;
	}

}
