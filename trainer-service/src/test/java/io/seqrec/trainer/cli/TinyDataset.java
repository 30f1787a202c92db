package io.seqrec.trainer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The command-line tests' dataset {@code tiny}: 30 users of 9 events over 20 items. */
final class TinyDataset {

	static final String NAME = "tiny";

	private TinyDataset() {
	}

	/**
	 * Writes {@code tiny/tiny.inter} in RecBole's atomic format.
	 * @param data the data path
	 * @throws IOException if it cannot be written
	 */
	static void write(Path data) throws IOException {
		StringBuilder inter = new StringBuilder("user_id:token\titem_id:token\trating:float\ttimestamp:float\n");
		for (int u = 0; u < 30; u++) {
			for (int t = 0; t < 9; t++) {
				inter.append("u").append(u).append("\ti").append((u + 2 * t) % 20).append("\t4\t").append(1000 + t);
				inter.append('\n');
			}
		}
		Files.createDirectories(data.resolve(NAME));
		Files.writeString(data.resolve(NAME).resolve(NAME + ".inter"), inter);
	}

}
