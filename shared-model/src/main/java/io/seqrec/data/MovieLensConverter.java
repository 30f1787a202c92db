package io.seqrec.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Converts GroupLens' {@code ml-100k.zip} into RecBole's atomic files
 * ({@code ml-100k.inter}, {@code ml-100k.item}, {@code ml-100k.user}) as RecBole's
 * published atomic ml-100k has them.
 */
final class MovieLensConverter {

	static final String INTER_HEADER = "user_id:token\titem_id:token\trating:float\ttimestamp:float";

	static final String ITEM_HEADER = "item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq";

	static final String USER_HEADER = "user_id:token\tage:token\tgender:token\toccupation:token\tzip_code:token";

	/** The 19 genre flags of {@code u.item}, in column order. */
	private static final List<String> GENRES = List.of("unknown", "Action", "Adventure", "Animation", "Children's",
			"Comedy", "Crime", "Documentary", "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery",
			"Romance", "Sci-Fi", "Thriller", "War", "Western");

	/** RecBole's atomic ml-100k spells a missing title and year this way. */
	private static final String MISSING = "unkonwn";

	private MovieLensConverter() {
	}

	/**
	 * Reads the zip and writes the atomic files into {@code targetDir}, each through a
	 * temporary file moved into place; the {@code .inter} file comes last.
	 * @return the {@code .inter} file
	 */
	static Path convert(InputStream zip, Path targetDir) throws IOException {
		Map<String, byte[]> entries = unzip(zip);
		byte[] data = entries.get("u.data");
		if (data == null) {
			throw new DataException("ml-100k.zip has no ml-100k/u.data; entries found: " + entries.keySet());
		}
		Files.createDirectories(targetDir);
		if (entries.containsKey("u.item")) {
			write(targetDir.resolve("ml-100k.item"), ITEM_HEADER, convert(entries.get("u.item"),
					StandardCharsets.ISO_8859_1, "u.item", "|", 24, MovieLensConverter::item));
		}
		if (entries.containsKey("u.user")) {
			write(targetDir.resolve("ml-100k.user"), USER_HEADER, convert(entries.get("u.user"),
					StandardCharsets.ISO_8859_1, "u.user", "|", 5, (f) -> String.join("\t", f)));
		}
		Path inter = targetDir.resolve("ml-100k.inter");
		write(inter, INTER_HEADER,
				convert(data, StandardCharsets.UTF_8, "u.data", "\t", 4, (f) -> String.join("\t", f)));
		return inter;
	}

	private static Map<String, byte[]> unzip(InputStream zip) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		ZipInputStream in = new ZipInputStream(zip);
		ZipEntry entry;
		while ((entry = in.getNextEntry()) != null) {
			String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
			if (!entry.isDirectory() && (name.equals("u.data") || name.equals("u.item") || name.equals("u.user"))) {
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				in.transferTo(bytes);
				entries.put(name, bytes.toByteArray());
			}
		}
		return entries;
	}

	private static String convert(byte[] content, Charset charset, String name, String separator, int fields,
			RowConverter converter) {
		StringBuilder out = new StringBuilder(content.length + 1024);
		String[] lines = new String(content, charset).split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String[] values = lines[i].split(Pattern.quote(separator), -1);
			if (values.length != fields) {
				throw new DataException("ml-100k.zip " + name + ":" + (i + 1) + ": expected " + fields
						+ " fields separated by '" + separator + "', found " + values.length);
			}
			out.append(converter.convert(values)).append('\n');
		}
		return out.toString();
	}

	/**
	 * {@code id|title (year)|date|video date|url|19 genre flags} to id, title, year,
	 * genres.
	 */
	private static String item(String[] fields) {
		String title = fields[1].strip();
		String year = MISSING;
		int open = title.lastIndexOf('(');
		if (open >= 0 && title.endsWith(")")) {
			year = title.substring(open + 1, title.length() - 1).strip();
			title = title.substring(0, open).strip();
		}
		else {
			title = MISSING;
		}
		StringJoiner genres = new StringJoiner(" ");
		for (int g = 0; g < GENRES.size(); g++) {
			if ("1".equals(fields[5 + g].strip())) {
				genres.add(GENRES.get(g));
			}
		}
		return fields[0] + "\t" + title + "\t" + year + "\t" + genres;
	}

	private static void write(Path target, String header, String body) throws IOException {
		Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
		try {
			try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				writer.write(header);
				writer.write('\n');
				writer.write(body);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@FunctionalInterface
	private interface RowConverter {

		String convert(String[] fields);

	}

}
