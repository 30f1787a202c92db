package io.seqrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resident set size (native and heap together, from {@code /proc/self/status}) and Java
 * heap use, to watch that training epochs do not grow native memory.
 */
final class MemoryUsage {

	private MemoryUsage() {
	}

	static String line(int epoch) {
		Runtime runtime = Runtime.getRuntime();
		double heapMb = (runtime.totalMemory() - runtime.freeMemory()) / 1048576.0;
		long rssKb = residentKilobytes();
		String rss = (rssKb < 0) ? "n/a" : String.format(Locale.ROOT, "%.1f MB", rssKb / 1024.0);
		return String.format(Locale.ROOT, "epoch %d memory [rss: %s, heap used: %.1f MB]", epoch, rss, heapMb);
	}

	static long residentKilobytes() {
		Path status = Path.of("/proc/self/status");
		try {
			for (String line : Files.readAllLines(status)) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("\\D+", ""));
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		return -1;
	}

}
