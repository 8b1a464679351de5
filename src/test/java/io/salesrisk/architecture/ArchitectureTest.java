package io.salesrisk.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure the code keeps: features depend on each other without cycles, services never see REST types, the
 * engine stays behind its interface, rule authors' facts stay plain Java, and each table is written by one owner.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.salesrisk");
    }

    @Test
    void shouldKeepFeaturePackagesFreeOfCycles() {
        slices().matching("io.salesrisk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void shouldKeepRestTypesOutOfServices() {
        noClasses().that().resideOutsideOfPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..rest..")
                .because("services take and return domain types; resources map them to views")
                .check(classes);
    }

    @Test
    void shouldKeepTheDeskOnTopOfTheFeatures() {
        noClasses().that().resideOutsideOfPackage("io.salesrisk.desk..")
                .should().dependOnClassesThat().resideInAPackage("io.salesrisk.desk..")
                .because("the risk desk is a client of the features' services, like the REST resources; no feature needs it")
                .check(classes);
    }

    @Test
    void shouldKeepHandWrittenJdbcInRepositoriesAndTheHelper() {
        noClasses().that().resideOutsideOfPackages("..persistence..", "io.salesrisk.reevaluation.profile..",
                        "io.salesrisk.exposure..", "io.salesrisk.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal..")
                .because("tables are read and written through their feature's repository (set-based SQL through "
                        + "common.persistence.Jdbc); the profile and credit-figures queries are the benchmarked exceptions; the outbox is a table and nothing else")
                .check(classes);
    }

    @Test
    void shouldKeepDroolsInsideTheEngineImplementation() {
        noClasses().that().resideOutsideOfPackage("io.salesrisk.engine.drools..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void shouldKeepTheEngineFreeOfQuarkusAndPersistence() {
        noClasses().that().resideInAnyPackage("io.salesrisk.engine..", "io.salesrisk.facts..", "io.salesrisk.ordercheck..")
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
