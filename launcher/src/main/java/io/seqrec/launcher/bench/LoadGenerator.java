package io.seqrec.launcher.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP/1.1 load generator with no dependencies, run in its own process by
 * {@code seqrec bench ranker}: a fixed number of keep-alive connections, each sending
 * {@code GET /v1/users/{random user}/recommendations?k=10} and waiting for the answer
 * before the next request; a warm-up, then a measured period. It writes its figures to a
 * file as {@code key=value} lines.
 *
 * <p>
 * Arguments: host, port, API key, users, connections, warm-up seconds, measured seconds,
 * result file.
 */
public final class LoadGenerator {

	private static final int STATUS_MASK = 0xffff;

	private static final int CLOSE = 0x10000;

	private final String host;

	private final int port;

	private final String apiKey;

	private final int users;

	private final long measureFrom;

	private final long measureUntil;

	private final AtomicLong errors = new AtomicLong();

	private LoadGenerator(String[] args, long start) {
		this.host = args[0];
		this.port = Integer.parseInt(args[1]);
		this.apiKey = args[2];
		this.users = Integer.parseInt(args[3]);
		this.measureFrom = start + (long) (Double.parseDouble(args[5]) * 1e9);
		this.measureUntil = this.measureFrom + (long) (Double.parseDouble(args[6]) * 1e9);
	}

	/**
	 * Runs the load.
	 * @param args host, port, key, users, connections, warm-up s, measured s, result file
	 * @throws Exception if the load cannot run
	 */
	public static void main(String[] args) throws Exception {
		LoadGenerator generator = new LoadGenerator(args, System.nanoTime());
		int connections = Integer.parseInt(args[4]);
		List<Thread> threads = new ArrayList<>();
		long[][] latencies = new long[connections][];
		String[] failures = new String[connections];
		for (int c = 0; c < connections; c++) {
			int connection = c;
			Thread thread = new Thread(() -> {
				try {
					latencies[connection] = generator.run(connection);
				}
				catch (IOException | RuntimeException ex) {
					failures[connection] = ex.toString();
				}
			}, "load-" + c);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		List<String> lines = new ArrayList<>();
		int count = 0;
		for (long[] samples : latencies) {
			count += (samples != null) ? samples.length : 0;
		}
		long[] all = new long[count];
		int at = 0;
		for (long[] samples : latencies) {
			if (samples != null) {
				System.arraycopy(samples, 0, all, at, samples.length);
				at += samples.length;
			}
		}
		Arrays.sort(all);
		double seconds = (generator.measureUntil - generator.measureFrom) / 1e9;
		lines.add("requests=" + count);
		lines.add(String.format(Locale.ROOT, "seconds=%.3f", seconds));
		lines.add("errors=" + generator.errors.get());
		lines.add("p50_us=" + percentile(all, 0.50));
		lines.add("p90_us=" + percentile(all, 0.90));
		lines.add("p99_us=" + percentile(all, 0.99));
		lines.add("p999_us=" + percentile(all, 0.999));
		lines.add("max_us=" + ((all.length > 0) ? all[all.length - 1] / 1000 : 0));
		for (String failure : failures) {
			if (failure != null) {
				lines.add("failure=" + failure);
			}
		}
		Files.write(Path.of(args[7]), lines, StandardCharsets.UTF_8);
	}

	private static long percentile(long[] sorted, double quantile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1000;
	}

	private long[] run(int connection) throws IOException {
		SplittableRandom random = new SplittableRandom(connection * 7919L + 1);
		long[] samples = new long[1 << 14];
		int count = 0;
		String headers = " HTTP/1.1\r\nHost: " + this.host + "\r\nX-API-Key: " + this.apiKey + "\r\n\r\n";
		Socket socket = null;
		try {
			InputStream in = null;
			OutputStream out = null;
			while (true) {
				if (socket == null) {
					// the server closes a keep-alive connection after a number of
					// requests
					socket = new Socket();
					socket.setTcpNoDelay(true);
					socket.connect(new InetSocketAddress(this.host, this.port), 10_000);
					socket.setSoTimeout(30_000);
					in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
					out = socket.getOutputStream();
				}
				long start = System.nanoTime();
				if (start >= this.measureUntil) {
					break;
				}
				String request = "GET /v1/users/user-" + random.nextInt(this.users) + "/recommendations?k=10" + headers;
				out.write(request.getBytes(StandardCharsets.US_ASCII));
				int response = readResponse(in);
				long end = System.nanoTime();
				if (start >= this.measureFrom && end <= this.measureUntil) {
					if ((response & STATUS_MASK) != 200) {
						this.errors.incrementAndGet();
					}
					if (count == samples.length) {
						samples = Arrays.copyOf(samples, count * 2);
					}
					samples[count++] = end - start;
				}
				if ((response & CLOSE) != 0) {
					socket.close();
					socket = null;
				}
			}
		}
		finally {
			if (socket != null) {
				socket.close();
			}
		}
		return Arrays.copyOf(samples, count);
	}

	/** Reads a response: its status, with {@link #CLOSE} set if the server closes. */
	private static int readResponse(InputStream in) throws IOException {
		String statusLine = readLine(in);
		int status = Integer.parseInt(statusLine.substring(9, 12));
		long length = -1;
		boolean chunked = false;
		int close = 0;
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				close = CLOSE;
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
		return status | close;
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

}
