package io.seqrec.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module arrows of ARCHITECTURE.md: services depend on shared-model, never the other
 * way, and never on each other; shared-model is a plain library (no Spring, no engine
 * classes, no AWS SDK); the S3 model store is a library beside it that only the trainer
 * and the ranker use; main code never depends on test-support.
 */
class ModuleArrowsTests {

	private static final String[] SERVICES = { "io.seqrec.ingest..", "io.seqrec.trainer..", "io.seqrec.ranker.." };

	private static JavaClasses classes;

	@BeforeAll
	static void importClasses() {
		classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.seqrec");
	}

	private static DescribedPredicate<JavaClass> inModule(String module) {
		return DescribedPredicate.describe("classes of module " + module,
				(javaClass) -> javaClass.getSource()
					.map((source) -> source.getUri().toString().contains("/" + module + "/"))
					.orElse(false));
	}

	@Test
	void everyModuleIsImported() {
		for (String module : new String[] { "shared-model", "model-store-s3", "ingest-service", "trainer-service",
				"ranker-service", "test-support" }) {
			assertThat(classes.stream().anyMatch(inModule(module))).as(module).isTrue();
		}
	}

	@Test
	void sharedModelDependsOnNoService() {
		ArchRule rule = noClasses().that(inModule("shared-model"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES);
		rule.check(classes);
	}

	@Test
	void sharedModelIsPlainLibrary() {
		noClasses().that(inModule("shared-model"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "ai.djl.pytorch..")
			.because("shared-model is a plain library on the engine-agnostic DJL api")
			.check(classes);
	}

	@Test
	void theAwsSdkStaysInTheS3ModelStore() {
		noClasses().that()
			.resideOutsideOfPackages("io.seqrec.artifact.s3..", "io.seqrec.testsupport.s3..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("software.amazon.awssdk..")
			.because("only model-store-s3 talks to S3 (and the tests' S3 server hands out clients); everything else"
					+ " sees the ModelStore interface")
			.check(classes);
	}

	@Test
	void theS3ModelStoreDependsOnSharedModelOnly() {
		noClasses().that(inModule("model-store-s3"))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES)
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.seqrec.launcher..")
			.check(classes);
		noClasses().that(inModule("shared-model"))
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.seqrec.artifact.s3..")
			.because("shared-model knows the ModelStore interface, not its S3 implementation")
			.check(classes);
		noClasses().that()
			.resideInAPackage("io.seqrec.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.seqrec.artifact.s3..")
			.because("ingest never touches the model store")
			.check(classes);
	}

	@Test
	void servicesMeetOnlyThroughKafkaRedisAndTheModelStore() {
		for (int i = 0; i < SERVICES.length; i++) {
			for (int j = 0; j < SERVICES.length; j++) {
				if (i != j) {
					noClasses().that()
						.resideInAPackage(SERVICES[i])
						.should()
						.dependOnClassesThat()
						.resideInAPackage(SERVICES[j])
						.check(classes);
				}
			}
		}
	}

	@Test
	void nothingButTheLauncherDependsOnTheLauncher() {
		noClasses().that()
			.resideOutsideOfPackage("io.seqrec.launcher..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.seqrec.launcher..")
			.because("the launcher assembles the services; they must not know it")
			.check(classes);
	}

	@Test
	void noMainCodeDependsOnTestSupport() {
		noClasses().that()
			.resideOutsideOfPackage("io.seqrec.testsupport..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.seqrec.testsupport..")
			.because("test-support (embedded servers, fixtures) is a test-scope library; "
					+ "the enforce-test-support rule of the parent POM keeps it out of main dependencies")
			.check(classes);
	}

	@Test
	void ingestDoesNoDeepLearning() {
		noClasses().that()
			.resideInAPackage("io.seqrec.ingest..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("ai.djl..")
			.check(classes);
	}

}
