package se.kvalitetshjulet.ui.lists;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The "Listor och regler" screen's commands on a temporary database. */
class ListsViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    ListsViewModel vm;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        vm = new ListsViewModel(FeatureContexts.lists(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private ListsViewModel.Row row(String name) {
        return vm.rows().stream().filter(r -> r.entry().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void addRenameRetireAndMergeOnScreen() {
        dialogs.textAnswer = Optional.of("Brand");
        assertThat(vm.addCommand().execute()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Lade till Brand.");
        vm.selectedProperty().set(row("Brand"));
        dialogs.textAnswer = Optional.of("Fall");
        vm.renameCommand().execute();
        assertThat(vm.messageProperty().get()).contains("\"Fall\" finns redan");
        assertThat(vm.rows()).anyMatch(r -> r.entry().name().equals("Brand"));

        vm.selectedProperty().set(row("Brand"));
        vm.toggleActiveCommand().execute();
        assertThat(row("Brand").entry().active()).isFalse();

        assertThat(vm.moveUpCommand().isExecutable()).as("categories are alphabetical, not ordered by hand").isFalse();
        vm.selectedProperty().set(row("Brand"));
        int fallIndex = vm.rows().stream().filter(r -> !r.entry().name().equals("Brand")).toList().indexOf(row("Fall"));
        dialogs.chooseAnswer = Optional.of(fallIndex);
        vm.mergeCommand().execute();
        assertThat(vm.messageProperty().get()).isEqualTo("Slog ihop Brand med Fall: 0 poster flyttades.");
        assertThat(vm.rows()).noneMatch(r -> r.entry().name().equals("Brand"));
    }

    @Test
    void codedListsAreOrderedByTheCoordinator() {
        vm.kindProperty().set(ListKind.BUSINESS_AREA);
        assertThat(vm.rows().getFirst().entry().name()).isEqualTo("Hemtjänst");
        vm.selectedProperty().set(row("Särskilt boende"));
        vm.moveUpCommand().execute();
        assertThat(vm.rows().getFirst().entry().name()).isEqualTo("Särskilt boende");
    }

    @Test
    void aRefusedFileShowsWhatToCorrectAndChangesNothing() throws Exception {
        Path file = dir.resolve("listor.json");
        Files.writeString(file, ctx.lists().exportJson().replace("\"dagar\" : 28", "\"dagar\" : 999"));
        String before = ctx.lists().exportJson();
        dialogs.fileAnswer = Optional.of(file);
        vm.importCommand().execute();
        assertThat(dialogs.errors).singleElement().asString().contains("ingenting ändrades", "999 dagar ligger utanför");
        assertThat(ctx.lists().exportJson()).isEqualTo(before);

        vm.deadlines().stream().filter(d -> d.kind().equals("LEX_SARAH")).findFirst().ifPresent(
                vm.selectedDeadlineProperty()::set);
        dialogs.textAnswer = Optional.of("10");
        vm.editDeadlineCommand().execute();
        assertThat(ctx.lists().deadlineRules().days(se.kvalitetshjulet.domain.deviation.DeviationKind.LEX_SARAH))
                .isEqualTo(10);
    }
}
