package io.seqrec.ranker.security;

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
import static org.awaitility.Awaitility.await;

class ApiKeysTests {

	@TempDir
	Path dir;

	@Test
	void acceptsConfiguredKeysAndKeysFromTheFile() throws IOException {
		Path file = this.dir.resolve("keys");
		Files.writeString(file, "# one key per line\n\n  from-file  \nsecond\n");
		ApiKeys keys = new ApiKeys(List.of("configured", " "), file);
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
		ApiKeys keys = new ApiKeys(List.of(), this.dir.resolve("missing"));
		assertThat(keys.accepts("anything")).isFalse();
		assertThat(keys.accepts("")).isFalse();
	}

	@Test
	void aChangedFileIsReadAgain() throws IOException {
		Path file = this.dir.resolve("keys");
		Files.writeString(file, "old\n");
		ApiKeys keys = new ApiKeys(List.of(), file, Duration.ofMillis(50));
		assertThat(keys.accepts("old")).isTrue();
		Files.writeString(file, "new\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(60)));
		await().atMost(Duration.ofSeconds(15)).until(() -> keys.accepts("new"));
		assertThat(keys.accepts("old")).isFalse();
	}

}
