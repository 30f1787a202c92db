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
 * classes); main code never depends on test-support.
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
		for (String module : new String[] { "shared-model", "ingest-service", "trainer-service", "ranker-service",
				"test-support" }) {
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
