package io.seqrec.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Every native random draw and reseed of seqrec goes through {@code EngineRandom}: the
 * engine has one generator per process, and only draws made there stay reproducible per
 * run while tuning trials train in parallel.
 */
class EngineRandomnessTests {

	private static final String ENGINE_RANDOM = "io.seqrec.nn.EngineRandom";

	@Test
	void onlyEngineRandomDrawsFromOrReseedsTheEnginesGenerator() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.seqrec");
		DescribedPredicate<JavaMethodCall> drawOrReseed = DescribedPredicate
			.describe("a native random draw (NDManager.random*) or a reseed (Engine.setRandomSeed)", (call) -> {
				String name = call.getTarget().getName();
				return (call.getTargetOwner().isAssignableTo("ai.djl.ndarray.NDManager") && name.startsWith("random"))
						|| (call.getTargetOwner().isAssignableTo("ai.djl.engine.Engine")
								&& name.equals("setRandomSeed"));
			});
		noClasses().that()
			.doNotHaveFullyQualifiedName(ENGINE_RANDOM)
			.should()
			.callMethodWhere(drawOrReseed)
			.because("parallel tuning trials must each draw from their own seeds; use EngineRandom")
			.check(classes);
	}

}
