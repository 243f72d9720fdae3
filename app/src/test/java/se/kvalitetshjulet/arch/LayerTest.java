package se.kvalitetshjulet.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.Test;

/**
 * The layers of docs/ARCHITECTURE.md, as rules; each test's name says what it checks. Rules that the code does
 * not meet yet are listed in docs/ARCHITECTURE.md ("Not yet true"), not weakened here.
 */
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
                .whereLayer("Data").mayOnlyBeAccessedByLayers("Service", "App", "CLI", "Export")
                .check(CLASSES);
    }

    @Test
    void domainKnowsNoFrameworks() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.jooq..", "java.sql..",
                        "org.apache.poi..", "com.fasterxml..", "tools.jackson..", "org.jfree..")
                .check(CLASSES);
    }

    /**
     * Outside {@code data} nothing writes SQL: no JDBC, no generated tables, no jOOQ query building. Services may
     * hold jOOQ's {@code DSLContext} only as the transaction handle that {@code Database.tx} gives them and they
     * pass on to repositories (so that several repositories write in one transaction), and may catch its
     * {@code DataAccessException}.
     */
    @Test
    void sqlIsWrittenOnlyInData() {
        DescribedPredicate<JavaClass> transactionHandle = DescribedPredicate.describe(
                "jOOQ's DSLContext (the transaction handle) or its exceptions",
                c -> c.getName().equals("org.jooq.DSLContext") || c.getPackageName().equals("org.jooq.exception"));
        noClasses().that().resideOutsideOfPackages("se.kvalitetshjulet.data..")
                .should().dependOnClassesThat(DescribedPredicate.describe("JDBC, jOOQ or the generated tables",
                        (JavaClass c) -> c.getPackageName().startsWith("java.sql")
                                || c.getPackageName().startsWith("se.kvalitetshjulet.data.jooq")
                                || (c.getPackageName().startsWith("org.jooq") && !transactionHandle.test(c))))
                .check(CLASSES);
    }

    @Test
    void onlyDataAndServicesSeeTheTransactionHandle() {
        noClasses().that().resideOutsideOfPackages("se.kvalitetshjulet.data..", "se.kvalitetshjulet.service..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .check(CLASSES);
    }

    @Test
    void viewModelsKnowNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(CLASSES);
    }

    /** Feature screens do not depend on the shell that builds them ({@code Refreshable} lives in ui.common). */
    @Test
    void featureScreensDoNotDependOnTheShell() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.ui..")
                .and().resideOutsideOfPackage("se.kvalitetshjulet.ui.shell..")
                .should().dependOnClassesThat().resideInAPackage("se.kvalitetshjulet.ui.shell..")
                .check(CLASSES);
    }

    /** ui.common is the toolbox every screen uses: it knows no feature screen, not the shell, and no data. */
    @Test
    void uiCommonKnowsNoScreenAndNoData() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.ui.common..")
                .should().dependOnClassesThat(DescribedPredicate.describe("are screens, data, export or cli",
                        (JavaClass c) -> (c.getPackageName().startsWith("se.kvalitetshjulet.ui.")
                                && !c.getPackageName().startsWith("se.kvalitetshjulet.ui.common"))
                                || c.getPackageName().startsWith("se.kvalitetshjulet.data")
                                || c.getPackageName().startsWith("se.kvalitetshjulet.export")
                                || c.getPackageName().startsWith("se.kvalitetshjulet.cli")))
                .check(CLASSES);
    }

    /**
     * Background work goes through the TaskRunner: no feature screen starts threads or executors of its own (the
     * shell may install the uncaught-exception handler).
     */
    @Test
    void featureScreensStartNoThreadsOfTheirOwn() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.ui..")
                .and().resideOutsideOfPackages("se.kvalitetshjulet.ui.common..", "se.kvalitetshjulet.ui.shell..")
                .should().dependOnClassesThat().belongToAnyOf(Thread.class, java.util.concurrent.Executors.class,
                        java.util.concurrent.ExecutorService.class, javafx.concurrent.Task.class)
                .check(CLASSES);
    }

    @Test
    void uiFeaturePackagesAreFreeOfCycles() {
        slices().matching("se.kvalitetshjulet.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** No cycle between the layers' top-level packages (domain, data, service, export, app, ui, cli). */
    @Test
    void layerPackagesAreFreeOfCycles() {
        slices().matching("se.kvalitetshjulet.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * No cycle between any two packages, sub-packages included (data ↔ data.repo, service ↔ service.imports …),
     * outside the generated jOOQ code — what {@code jdeps -verbose:package} on the jar shows.
     */
    @Test
    void noPackageCycleOutsideGeneratedCode() {
        slices().matching("se.kvalitetshjulet.(**)").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        DescribedPredicate.describe("generated jOOQ code",
                                (JavaClass c) -> c.getPackageName().startsWith("se.kvalitetshjulet.data.jooq")))
                .check(CLASSES.that(DescribedPredicate.describe("not generated",
                        (JavaClass c) -> !c.getPackageName().startsWith("se.kvalitetshjulet.data.jooq"))));
    }

    /**
     * Only the composition root (app, cli, ui.shell) knows {@code AppContext}: a feature's view models get their
     * {@code XxxContext} of services (built in {@code ui.shell.FeatureContexts}).
     */
    @Test
    void viewModelsGetServicesNotTheAppContext() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.ui..")
                .and().resideOutsideOfPackage("se.kvalitetshjulet.ui.shell..")
                .should().dependOnClassesThat().haveFullyQualifiedName("se.kvalitetshjulet.app.AppContext")
                .check(CLASSES);
    }

    /** Screens reach the database only through services: no ui class sees a repository or {@code Database}. */
    @Test
    void noScreenSeesTheDataLayer() {
        noClasses().that().resideInAPackage("se.kvalitetshjulet.ui..")
                .should().dependOnClassesThat().resideInAPackage("se.kvalitetshjulet.data..")
                .check(CLASSES);
    }

    /**
     * Not even an unused import or a javadoc link names the data layer in a screen's source: the compiled classes
     * cannot show those (the rule above), and a reader of the source would take them for a dependency.
     */
    @Test
    void noScreenSourceImportsTheDataLayer() throws java.io.IOException {
        java.nio.file.Path ui = java.nio.file.Path.of("src/main/java/se/kvalitetshjulet/ui");
        try (var files = java.nio.file.Files.walk(ui)) {
            var offending = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return java.nio.file.Files.readString(f).lines()
                            .anyMatch(l -> l.startsWith("import se.kvalitetshjulet.data"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(ui::relativize).map(Object::toString).toList();
            org.assertj.core.api.Assertions.assertThat(offending).as("ui sources importing se.kvalitetshjulet.data")
                    .isEmpty();
        }
    }
}
