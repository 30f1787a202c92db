package io.seqrec.artifact.s3;

import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.seqrec.artifact.FileSystemModelStore;
import io.seqrec.artifact.ModelStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ModelStoreSettingsTests {

	@TempDir
	Path dir;

	@Test
	void theDirectoryStoreIsTheDefault() {
		assertThat(new ModelStoreSettings(null, null).open(this.dir)).isInstanceOf(FileSystemModelStore.class);
		assertThat(new ModelStoreSettings("Directory", null).open(this.dir)).isInstanceOf(FileSystemModelStore.class);
	}

	@Test
	void s3FillsInDefaultsAndNeedsABucket() throws Exception {
		ModelStoreSettings settings = new ModelStoreSettings("s3", new ModelStoreSettings.S3(
				URI.create("http://127.0.0.1:9"), null, "models", "/seqrec/", null, this.dir, null, null));
		ModelStore store = settings.open(this.dir.resolve("unused"));
		assertThat(store).isInstanceOf(S3ModelStore.class);
		S3ModelStoreSettings resolved = ((S3ModelStore) store).settings();
		assertThat(resolved.region()).isEqualTo("us-east-1");
		assertThat(resolved.prefix()).isEqualTo("seqrec");
		assertThat(resolved.pathStyle()).isTrue();
		assertThat(resolved.cachedVersions()).isEqualTo(3);
		assertThat(resolved.conditionalWrites()).isTrue();
		((S3ModelStore) store).close();
		assertThatIllegalArgumentException().isThrownBy(() -> new ModelStoreSettings("s3", null).open(this.dir))
			.withMessageContaining("bucket");
		assertThatIllegalArgumentException().isThrownBy(() -> new ModelStoreSettings("nfs", null).open(this.dir))
			.withMessageContaining("directory or s3");
	}

}
