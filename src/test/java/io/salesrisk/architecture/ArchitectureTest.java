package io.salesrisk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stays behind its interface and rule authors' facts stay plain Java. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.salesrisk");
    }

    @Test
    void shouldKeepDroolsInsideTheEngineImplementation() {
        noClasses().that().resideOutsideOfPackage("io.salesrisk.engine.drools..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void shouldKeepTheEngineFreeOfQuarkusAndPersistence() {
        noClasses().that().resideInAnyPackage("io.salesrisk.engine..", "io.salesrisk.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta.persistence..",
                        "jakarta.enterprise..", "jakarta.ws..", "org.hibernate..")
                .check(classes);
    }

    @Test
    void shouldKeepFactsIndependentOfTheRestOfTheService() {
        noClasses().that().resideInAPackage("io.salesrisk.facts..")
                .should().dependOnClassesThat().resideInAnyPackage("io.salesrisk.engine..", "io.salesrisk.evaluation..",
                        "io.salesrisk.customer..", "io.salesrisk.order..", "io.salesrisk.decision..")
                .check(classes);
    }
}
