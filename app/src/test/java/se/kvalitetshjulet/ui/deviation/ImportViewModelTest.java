package se.kvalitetshjulet.ui.deviation;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.MappingRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.imports.ImportField;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The import steps without windows: SyncTaskRunner runs the work at once, a fake DialogService answers. */
class ImportViewModelTest {
    private static final String HEADER = "Ärendenummer;Datum;Enhet;Typ;Kategori;Rubrik;Rapportör";

    /** Answers dialogs from queues and records what was shown. */
    static final class FakeDialogs implements DialogService {
        final Deque<Path> openFiles = new ArrayDeque<>();
        final Deque<Path> saveFiles = new ArrayDeque<>();
        final Deque<String> texts = new ArrayDeque<>();
        boolean confirmAnswer = true;
        final List<String> errors = new ArrayList<>();
        final List<String> infos = new ArrayList<>();
        final List<String> confirms = new ArrayList<>();
        final List<Throwable> unexpected = new ArrayList<>();

        @Override
        public void showError(String title, String message) {
            errors.add(message);
        }

        @Override
        public void showInfo(String title, String message) {
            infos.add(message);
        }

        @Override
        public boolean confirm(String title, String message) {
            confirms.add(message);
            return confirmAnswer;
        }

        @Override
        public Optional<Integer> choose(String title, String message, List<String> options) {
            return Optional.empty();
        }

        @Override
        public Optional<String> askText(String title, String prompt, String initial) {
            return Optional.ofNullable(texts.poll());
        }

        @Override
        public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
            return Optional.ofNullable(openFiles.poll());
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String suggestedName, List<String> extensions) {
            return Optional.ofNullable(saveFiles.poll());
        }

        @Override
        public void showUnexpected(Throwable error) {
            unexpected.add(error);
        }
    }

    @TempDir
    Path dir;
    AppContext ctx;
    FakeDialogs dialogs;
    ImportViewModel vm;
    int refreshed;

    @BeforeEach
    void setUp() {
        ctx = new AppContext(Database.open(dir.resolve("t.db")),
                Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/Stockholm")));
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null,
                ProviderKind.KOMMUNAL, null, null, null));
        ctx.units().save(new Unit(null, adm.id(), "Hemtjänst Norr", OrgLevel.AVDELNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        dialogs = new FakeDialogs();
        vm = new ImportViewModel(FeatureContexts.deviation(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")), () -> refreshed++);
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Path file(String name, String... rows) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, HEADER + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        return f;
    }

    private static String row(String id, String date) {
        return id + ";" + date + ";Hemtjänst Norr;Kvalitetsavvikelse;Bemötande;Titel " + id + ";Undersköterska";
    }

    private long count() {
        return ctx.deviations().count(DeviationFilter.all(), ctx.today());
    }

    @Test
    void goodFileGoesThroughEveryStepAndImports() throws Exception {
        dialogs.openFiles.add(file("export.csv", row("1", "2025-01-10"), row("2", "2025-01-11")));
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.FILE);
        assertThat(vm.previewCommand().isExecutable()).isFalse();

        vm.chooseFileCommand().execute();

        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.MAPPING);
        assertThat(vm.headers()).containsExactly("Ärendenummer", "Datum", "Enhet", "Typ", "Kategori", "Rubrik", "Rapportör");
        assertThat(vm.fileInfoProperty().get()).contains("export.csv").contains("CSV, UTF-8, semikolon");
        assertThat(vm.sourceProperty().get()).isEqualTo("export");
        assertThat(vm.row(ImportField.EXTERNAL_ID).columnProperty().get()).isEqualTo("Ärendenummer");
        assertThat(vm.row(ImportField.REGISTERED_ON).columnProperty().get()).isEqualTo("Datum");
        assertThat(vm.mappingProblemsProperty().get()).isEmpty();
        assertThat(vm.importCommand().isExecutable()).isFalse();

        assertThat(vm.previewCommand().execute()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.PREVIEW);
        assertThat(vm.preview()).hasSize(2).allMatch(r -> r.ok());
        assertThat(vm.previewFields()).contains(ImportField.EXTERNAL_ID, ImportField.UNIT);

        assertThat(vm.dryRunCommand().execute()).isTrue();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.CHECK);
        assertThat(vm.report()).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("2 rader lästa").contains("Importera för att spara 2");
        assertThat(count()).isZero();
        assertThat(vm.importCommand().isExecutable()).isTrue();

        assertThat(vm.importCommand().execute()).isTrue();
        assertThat(dialogs.confirms).singleElement().satisfies(q -> assertThat(q).contains("2").contains("export"));
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.DONE);
        assertThat(vm.summaryProperty().get()).contains("2 avvikelser har importerats");
        assertThat(count()).isEqualTo(2);
        assertThat(refreshed).isEqualTo(1);
        assertThat(vm.backCommand().isExecutable()).isFalse();
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void rowErrorsBlockTheImportAndTheReportCanBeSaved() throws Exception {
        vm.open(file("messy.csv", row("1", "2025-01-10"), row("2", "31/13/2024"), row("3", "2025-01-12")));
        vm.previewCommand().execute();
        assertThat(vm.preview().get(1).ok()).isFalse();
        vm.dryRunCommand().execute();

        assertThat(vm.report()).singleElement().satisfies(l -> {
            assertThat(l.row()).isEqualTo(3);
            assertThat(l.column()).isEqualTo("Datum");
            assertThat(l.value()).isEqualTo("31/13/2024");
            assertThat(l.warning()).isFalse();
        });
        assertThat(vm.summaryProperty().get()).contains("1 fel");
        assertThat(vm.importCommand().isExecutable()).isFalse();

        Path report = dir.resolve("fel.csv");
        dialogs.saveFiles.add(report);
        assertThat(vm.saveReportCommand().execute()).isTrue();
        assertThat(Files.readString(report, StandardCharsets.UTF_8)).contains("3;Datum;31/13/2024;");
        assertThat(dialogs.infos).singleElement().satisfies(m -> assertThat(m).contains("fel.csv"));

        // choosing to skip the rejected rows allows the import of the others
        vm.skipInvalidProperty().set(true);
        assertThat(vm.importCommand().isExecutable()).isTrue();
        dialogs.confirmAnswer = false;
        vm.importCommand().execute();
        assertThat(count()).isZero();
        dialogs.confirmAnswer = true;
        vm.importCommand().execute();
        assertThat(count()).isEqualTo(2);
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.DONE);
    }

    @Test
    void changingTheMappingAfterTheDryRunRequiresANewDryRun() throws Exception {
        vm.open(file("export.csv", row("1", "2025-01-10")));
        vm.previewCommand().execute();
        vm.dryRunCommand().execute();
        assertThat(vm.importCommand().isExecutable()).isTrue();

        vm.row(ImportField.REPORTER_ROLE).columnProperty().set(null);
        assertThat(vm.importCommand().isExecutable()).isFalse();
        vm.dryRunCommand().execute();
        assertThat(vm.importCommand().isExecutable()).isTrue();

        vm.sourceProperty().set("Annat system");
        assertThat(vm.importCommand().isExecutable()).isFalse();
    }

    @Test
    void missingRequiredColumnsAreShownAndCanBeGivenDefaults() throws Exception {
        Path f = dir.resolve("få.csv");
        Files.writeString(f, "Id;Datum;Rubrik\n1;2025-03-01;Utebliven insats\n", StandardCharsets.UTF_8);
        vm.open(f);

        assertThat(vm.mappingProblemsProperty().get()).contains("'Typ'").contains("'Enhet'").contains("'Kategori'");
        assertThat(vm.previewCommand().isExecutable()).isFalse();

        vm.row(ImportField.KIND).defaultValueProperty().set("Kvalitetsavvikelse");
        vm.row(ImportField.UNIT).defaultValueProperty().set("Hemtjänst Norr");
        vm.row(ImportField.CATEGORY).defaultValueProperty().set("Bemötande");
        assertThat(vm.mappingProblemsProperty().get()).isEmpty();
        vm.sourceProperty().set(" ");
        assertThat(vm.mappingProblemsProperty().get()).isNotEmpty();
        vm.sourceProperty().set("Larm");
        assertThat(vm.previewCommand().execute()).isTrue();
        vm.dryRunCommand().execute();
        vm.importCommand().execute();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void mappingProfilesAreSavedAndLoaded() throws Exception {
        Path f = dir.resolve("annat.csv");
        Files.writeString(f, "Löpnr;Inkom;Var;Slag;Område;Vad\n7;2025-02-01;Hemtjänst Norr;Synpunkt;Bemötande;Sen\n",
                StandardCharsets.UTF_8);
        vm.open(f);
        vm.row(ImportField.EXTERNAL_ID).columnProperty().set("Löpnr");
        vm.row(ImportField.REPORTED_ON).columnProperty().set("Inkom");
        vm.row(ImportField.UNIT).columnProperty().set("Var");
        vm.row(ImportField.KIND).columnProperty().set("Slag");
        vm.row(ImportField.CATEGORY).columnProperty().set("Område");
        vm.row(ImportField.TITLE).columnProperty().set("Vad");
        vm.sourceProperty().set("Synpunktssystemet");
        dialogs.texts.add("Synpunkter");

        assertThat(vm.saveProfileCommand().execute()).isTrue();
        assertThat(vm.profiles()).containsExactly("Synpunkter");
        assertThat(new MappingRepository(ctx.database()).find("Synpunkter")).get().asString().contains("Löpnr");

        ImportViewModel other = new ImportViewModel(FeatureContexts.deviation(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")), () -> { });
        other.open(f);
        assertThat(other.profiles()).containsExactly("Synpunkter");
        assertThat(other.row(ImportField.UNIT).columnProperty().get()).isNull();
        assertThat(other.mappingProblemsProperty().get()).contains("'Enhet'");
        other.loadProfile("Synpunkter");
        assertThat(other.row(ImportField.UNIT).columnProperty().get()).isEqualTo("Var");
        assertThat(other.profileProperty().get()).isEqualTo("Synpunkter");
        assertThat(other.sourceProperty().get()).isEqualTo("Synpunktssystemet");
        assertThat(other.mappingProblemsProperty().get()).isEmpty();
        other.previewCommand().execute();
        other.dryRunCommand().execute();
        assertThat(other.resultProperty().get().valid()).isEqualTo(1);
    }

    @Test
    void unreadableFilesAreExplainedAndTheStepStays() throws Exception {
        Path empty = dir.resolve("tom.csv");
        Files.writeString(empty, "");
        dialogs.openFiles.add(empty);
        vm.chooseFileCommand().execute();
        assertThat(dialogs.errors).singleElement().satisfies(m -> assertThat(m).contains("tom"));
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.FILE);
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.unexpected).isEmpty();
    }

    @Test
    void reimportFindsNothingNewAndCannotImportAgain() throws Exception {
        Path f = file("export.csv", row("1", "2025-01-10"));
        vm.open(f);
        vm.previewCommand().execute();
        vm.dryRunCommand().execute();
        vm.importCommand().execute();

        ImportViewModel again = new ImportViewModel(FeatureContexts.deviation(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")), () -> { });
        again.open(f);
        again.previewCommand().execute();
        again.dryRunCommand().execute();
        assertThat(again.resultProperty().get().unchanged()).isEqualTo(1);
        assertThat(again.summaryProperty().get()).contains("Inget nytt att importera");
        assertThat(again.importCommand().isExecutable()).isFalse();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void backGoesOneStepBack() throws Exception {
        vm.open(file("export.csv", row("1", "2025-01-10")));
        vm.previewCommand().execute();
        vm.dryRunCommand().execute();
        vm.backCommand().execute();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.PREVIEW);
        vm.backCommand().execute();
        assertThat(vm.stepProperty().get()).isEqualTo(ImportViewModel.Step.MAPPING);
        assertThat(vm.stepTitle(ImportViewModel.Step.MAPPING)).isEqualTo("Steg 2 av 5: Kolumner");
    }
}
