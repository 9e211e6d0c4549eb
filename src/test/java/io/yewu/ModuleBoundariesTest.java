package io.yewu;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module boundaries are part of the build: a cycle or a reach into another module's internals fails it. */
class ModuleBoundariesTest {

    /**
     * The application's own classes: not its tests, nor the bean definitions Spring AOT generates into the classes
     * at packaging (named {@code …__BeanDefinitions} and so on; decision 0046), which reach every module by design.
     */
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("__"))
            .importPackages("io.yewu");

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(YewuApplication.class).verify();
    }

    @Test
    void capabilitiesUseOnlyThePlatformsPublicPackages() {
        noClasses().that().resideOutsideOfPackage("io.yewu.platform..")
                .should().dependOnClassesThat().resideInAPackage("io.yewu.platform.internal..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    /** Rules and other domain logic stay plain Java, testable without a container (architecture.md). */
    @Test
    void domainAndPolicyClassesCarryNoSpring() {
        noClasses().that().resideInAnyPackage("..domain..", "..policy..")
                .or().haveSimpleNameEndingWith("Policy")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
