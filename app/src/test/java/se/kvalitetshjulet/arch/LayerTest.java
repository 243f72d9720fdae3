package se.kvalitetshjulet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/** Keeps the layers pointing one way: UI/CLI → services → data → domain. */
class LayerTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("se.kvalitetshjulet");

    @Test
    void layersDependDownwardsOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Domain").definedBy("se.kvalitetshjulet.domain..")
                .layer("Data").definedBy("se.kvalitetshjulet.data..")
                .layer("Service").definedBy("se.kvalitetshjulet.service..")
                .layer("Export").definedBy("se.kvalitetshjulet.export..")
                .layer("App").definedBy("se.kvalitetshjulet.app..")
                .layer("UI").definedBy("se.kvalitetshjulet.ui..")
                .layer("CLI").definedBy("se.kvalitetshjulet.cli..")
                .whereLayer("UI").mayOnlyBeAccessedByLayers("CLI")
                .whereLayer("CLI").mayNotBeAccessedByAnyLayer()
                .whereLayer("App").mayOnlyBeAccessedByLayers("UI", "CLI")
                .whereLayer("Export").mayOnlyBeAccessedByLayers("App", "UI", "CLI")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("App", "UI", "CLI", "Export")
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Service", "App", "UI", "CLI", "Export")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNoFrameworks() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..", "org.apache.poi..")
                .check(CLASSES);
    }

    @Test
    void onlyRepositoriesAndTheDatabaseTouchJooq() {
        noClasses().that().resideOutsideOfPackages("se.kvalitetshjulet.data..", "se.kvalitetshjulet.service..",
                        "se.kvalitetshjulet.export..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(CLASSES);
    }

    @Test
    void viewModelsKnowNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }
}
