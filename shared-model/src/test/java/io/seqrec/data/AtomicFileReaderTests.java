package io.seqrec.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AtomicFileReaderTests {

	private static final String HEADER = "user_id:token\titem_id:token\trating:float\ttimestamp:float\n";

	@TempDir
	Path dir;

	private final AtomicFileReader reader = new AtomicFileReader();

	@Test
	void readsTypedHeaderAndRowsInFileOrder() throws IOException {
		Path file = write(HEADER + "u1\ti1\t3\t100\nu2\ti2\t4.5\t50\n\nu1\ti3\t1\t200\n");
		InteractionTable table = this.reader.read(file, AtomicReadOptions.defaults());
		assertThat(table.size()).isEqualTo(3);
		assertThat(table.userToken(2)).isEqualTo("u1");
		assertThat(table.itemToken(1)).isEqualTo("i2");
		assertThat(table.hasTimestamp()).isTrue();
		assertThat(table.timestamp(1)).isEqualTo(50.0);
		assertThat(table.numericColumns()).containsExactly("rating", "timestamp");
		assertThat(table.numeric("rating", 1)).isEqualTo(4.5);
	}

	@Test
	void readsDatasetByRecBoleLayout() throws IOException {
		Files.createDirectories(this.dir.resolve("toy"));
		Files.writeString(this.dir.resolve("toy/toy.inter"), HEADER + "u1\ti1\t3\t100\n");
		assertThat(this.reader.read(this.dir, "toy", AtomicReadOptions.defaults()).size()).isEqualTo(1);
	}

	@Test
	void keepsOnlyLoadedColumns() throws IOException {
		Path file = write("user_id:token\titem_id:token\trating:float\tgenre:token_seq\ttimestamp:float\n"
				+ "u1\ti1\t3\ta b\t100\n");
		InteractionTable table = this.reader.read(file,
				AtomicReadOptions.defaults().withLoadColumns(List.of("item_id", "user_id", "genre")));
		assertThat(table.numericColumns()).isEmpty();
		assertThat(table.hasTimestamp()).isFalse();
		assertThat(table.itemToken(0)).isEqualTo("i1");
	}

	@Test
	void unloadedBadFloatIsNotParsed() throws IOException {
		Path file = write(HEADER + "u1\ti1\tnot-a-number\t100\n");
		InteractionTable table = this.reader.read(file,
				AtomicReadOptions.defaults().withLoadColumns(List.of("user_id", "item_id", "timestamp")));
		assertThat(table.numericColumns()).containsExactly("timestamp");
	}

	@Test
	void customFieldNamesAndSeparator() throws IOException {
		Path file = write("session:token,product:token,ts:float\ns1,p1,5\n");
		InteractionTable table = new AtomicFileReader(",").read(file,
				new AtomicReadOptions("session", "product", "ts", null));
		assertThat(table.userToken(0)).isEqualTo("s1");
		assertThat(table.timestamp(0)).isEqualTo(5.0);
	}

	@Test
	void wrongFieldCountNamesFileAndLine() throws IOException {
		Path file = write(HEADER + "u1\ti1\t3\t100\nu2\ti2\t4\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining(file.toString() + ":3:")
			.withMessageContaining("expected 4 fields")
			.withMessageContaining("found 3");
	}

	@Test
	void badFloatNamesLineColumnAndValue() throws IOException {
		Path file = write(HEADER + "u1\ti1\tfive\t100\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining(file + ":2:")
			.withMessageContaining("'rating'")
			.withMessageContaining("'five'");
	}

	@Test
	void headerWithoutTypeIsRejected() throws IOException {
		Path file = write("user_id:token\titem_id\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining(":1:")
			.withMessageContaining("'item_id' is not of the form name:type");
	}

	@Test
	void unknownTypeIsRejected() throws IOException {
		Path file = write("user_id:token\titem_id:string\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining("unknown type 'string'");
	}

	@Test
	void loadColumnAbsentFromHeaderNamesHeaderColumns() throws IOException {
		Path file = write(HEADER);
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file,
					AtomicReadOptions.defaults().withLoadColumns(List.of("user_id", "item_id", "time"))))
			.withMessageContaining("'time'")
			.withMessageContaining("[user_id, item_id, rating, timestamp]");
	}

	@Test
	void missingUserFieldIsRejected() throws IOException {
		Path file = write("uid:token\titem_id:token\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining("user column 'user_id' is not in the header");
	}

	@Test
	void userFieldMustBeToken() throws IOException {
		Path file = write("user_id:float\titem_id:token\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining("must be of type token");
	}

	@Test
	void missingFileExplainsTheLayout() {
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(this.dir, "nope", AtomicReadOptions.defaults()))
			.withMessageContaining(this.dir.resolve("nope/nope.inter").toString())
			.withMessageContaining("<data_path>/<dataset>/<dataset>.inter");
	}

	@Test
	void emptyFileIsRejected() throws IOException {
		Path file = write("");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining("empty");
	}

	@Test
	void rowsWithMissingUserOrItemAreDropped() throws IOException {
		Path file = write(HEADER + "u1\ti1\t3\t100\n\ti2\t3\t101\nu3\t\t3\t102\nNA\ti4\t1\t103\nu5\ti5\t2\t104\n");
		InteractionTable table = this.reader.read(file, AtomicReadOptions.defaults());
		assertThat(table.size()).isEqualTo(2);
		assertThat(table.userToken(1)).isEqualTo("u5");
	}

	@Test
	void missingFloatIsRejected() throws IOException {
		Path file = write(HEADER + "u1\ti1\t\t100\n");
		assertThatExceptionOfType(DataException.class)
			.isThrownBy(() -> this.reader.read(file, AtomicReadOptions.defaults()))
			.withMessageContaining(":2:")
			.withMessageContaining("missing value");
	}

	private Path write(String content) throws IOException {
		Path file = this.dir.resolve("test.inter");
		Files.writeString(file, content, StandardCharsets.UTF_8);
		return file;
	}

}
