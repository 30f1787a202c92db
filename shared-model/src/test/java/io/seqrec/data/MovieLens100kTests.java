package io.seqrec.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MovieLens100kTests {

	private static final String U_DATA = "196\t242\t3\t881250949\n186\t302\t3\t891717742\n22\t377\t1\t878887116\n";

	private static final String U_ITEM = "1|Toy Story (1995)|01-Jan-1995||http://x|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
			+ "267|unknown||||1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n"
			+ "543|Misérables, Les (1995)|01-Jan-1995||http://x|0|0|0|0|0|0|0|0|1|0|0|0|1|0|0|0|0|0|0\n"
			+ "1412|Land Before Time III: The Time of the Great Giving (1995) (V)|01-Jan-1995||http://x"
			+ "|0|0|0|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0\n";

	private static final String U_USER = "1|24|M|technician|85711\n2|53|F|other|94043\n";

	@TempDir
	Path dataPath;

	@Test
	void convertsTheArchiveIntoAtomicFiles() throws IOException {
		Path inter = MovieLens100k.convert(new ByteArrayInputStream(zip(true)), this.dataPath.resolve("ml-100k"));
		assertThat(inter).isEqualTo(AtomicFileReader.interFile(this.dataPath, "ml-100k"));
		InteractionTable table = new AtomicFileReader().read(this.dataPath, "ml-100k", AtomicReadOptions.defaults());
		assertThat(table.size()).isEqualTo(3);
		assertThat(table.userToken(0)).isEqualTo("196");
		assertThat(table.itemToken(2)).isEqualTo("377");
		assertThat(table.numeric("rating", 2)).isEqualTo(1.0);
		assertThat(table.timestamp(1)).isEqualTo(891717742.0);
		assertThat(Files.readAllLines(inter).get(0))
			.isEqualTo("user_id:token\titem_id:token\trating:float\ttimestamp:float");
		assertThat(Files.readAllLines(this.dataPath.resolve("ml-100k/ml-100k.item"), StandardCharsets.UTF_8))
			.containsExactly("item_id:token\tmovie_title:token_seq\trelease_year:token\tclass:token_seq",
					"1\tToy Story\t1995\tAnimation Children's Comedy", "267\tunkonwn\tunkonwn\tunknown",
					"543\tMisérables, Les\t1995\tDrama Musical",
					"1412\tLand Before Time III: The Time of the Great Giving (1995)\tV\tAnimation Children's");
		assertThat(Files.readAllLines(this.dataPath.resolve("ml-100k/ml-100k.user"))).containsExactly(
				"user_id:token\tage:token\tgender:token\toccupation:token\tzip_code:token",
				"1\t24\tM\ttechnician\t85711", "2\t53\tF\tother\t94043");
		try (var files = Files.list(this.dataPath.resolve("ml-100k"))) {
			assertThat(files.map((f) -> f.getFileName().toString()).sorted().toList()).containsExactly("ml-100k.inter",
					"ml-100k.item", "ml-100k.user");
		}
	}

	@Test
	void archiveWithoutRatingsIsRejected() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("ml-100k/README"));
			zip.write("x".getBytes(StandardCharsets.UTF_8));
		}
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> MovieLens100k.convert(new ByteArrayInputStream(bytes.toByteArray()), this.dataPath))
			.withMessageContaining("u.data");
	}

	@Test
	void malformedRatingLineNamesTheLine() {
		String data = "196\t242\t3\t881250949\n186\t302\t3\n";
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> MovieLens100k.convert(new ByteArrayInputStream(zip(data)), this.dataPath))
			.withMessageContaining("u.data:2");
	}

	@Test
	void existingFileIsUsedWithoutDownloading() throws IOException {
		Path inter = AtomicFileReader.interFile(this.dataPath, "ml-100k");
		Files.createDirectories(inter.getParent());
		Files.writeString(inter, MovieLensConverter.INTER_HEADER + "\n");
		assertThat(MovieLens100k.ensure(this.dataPath)).isEqualTo(inter);
	}

	@Test
	void failedDownloadExplainsHowToProvideTheFile() {
		MovieLens100k provider = new MovieLens100k(URI.create("http://127.0.0.1:1/ml-100k.zip"), Duration.ofSeconds(2),
				Duration.ofSeconds(2));
		assertThatExceptionOfType(DataException.class).isThrownBy(() -> provider.ensureAt(this.dataPath))
			.withMessageContaining("download of http://127.0.0.1:1/ml-100k.zip failed")
			.withMessageContaining("--data-path DIR")
			.withMessageContaining("DIR/ml-100k/ml-100k.inter")
			.withMessageContaining("user_id:token item_id:token rating:float timestamp:float");
		assertThat(this.dataPath.resolve("ml-100k/ml-100k.inter")).doesNotExist();
	}

	private static byte[] zip(boolean withMetadata) {
		return withMetadata ? zip(U_DATA, List.of("u.item", U_ITEM), List.of("u.user", U_USER)) : zip(U_DATA);
	}

	@SafeVarargs
	private static byte[] zip(String uData, List<String>... extra) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("ml-100k/"));
			zip.putNextEntry(new ZipEntry("ml-100k/u.data"));
			zip.write(uData.getBytes(StandardCharsets.UTF_8));
			for (List<String> entry : extra) {
				zip.putNextEntry(new ZipEntry("ml-100k/" + entry.get(0)));
				// GroupLens' u.item is Latin-1
				zip.write(entry.get(1).getBytes(StandardCharsets.ISO_8859_1));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return bytes.toByteArray();
	}

}
