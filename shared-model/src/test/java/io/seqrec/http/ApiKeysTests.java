package io.seqrec.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeysTests {

	@TempDir
	Path dir;

	@Test
	void acceptsConfiguredKeysAndKeysFromTheFile() throws IOException {
		Path file = this.dir.resolve("keys");
		Files.writeString(file, "# one key per line\n\n  from-file  \nsecond\n");
		ApiKeys keys = new ApiKeys(List.of("configured", " "), file, "test.api-keys");
		assertThat(keys.accepts("configured")).isTrue();
		assertThat(keys.accepts("from-file")).isTrue();
		assertThat(keys.accepts("second")).isTrue();
		assertThat(keys.accepts("# one key per line")).isFalse();
		assertThat(keys.accepts("configure")).isFalse();
		assertThat(keys.accepts("")).isFalse();
		assertThat(keys.accepts(null)).isFalse();
	}

	@Test
	void noKeysAcceptNothing() {
		ApiKeys keys = new ApiKeys(List.of(), this.dir.resolve("missing"), "test.api-keys");
		assertThat(keys.accepts("anything")).isFalse();
		assertThat(keys.accepts("")).isFalse();
	}

	@Test
	void aChangedFileIsReadAgain() throws IOException {
		Path file = this.dir.resolve("keys");
		Files.writeString(file, "old\n");
		ApiKeys keys = new ApiKeys(List.of(), file, "test.api-keys", Duration.ZERO);
		assertThat(keys.accepts("old")).isTrue();
		Files.writeString(file, "new\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
		assertThat(keys.accepts("new")).isTrue();
		assertThat(keys.accepts("old")).isFalse();
	}

}
