package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Issue 18 (decision 0027): the deviation editor keeps a draft; after the program dies it is offered when the same
 * form opens again ("Fortsätt med utkastet från 10:00"), restores what was typed, and a save clears it. The draft
 * follows the privacy policy: under "refuse" an identity number never reaches the database, not even as a draft.
 */
class DeviationDraftViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    Unit unit;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        unit = ctx.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private DeviationEditorViewModel editor(AppContext who) {
        return new DeviationEditorViewModel(FeatureContexts.deviation(who), new SyncTaskRunner(), dialogs, sv, () -> { });
    }

    private void type(DeviationEditorViewModel e, String title) {
        e.categoryProperty().set(e.categories().getFirst());
        e.reporterRoleProperty().set("undersköterska");
        e.titleProperty().set(title);
        e.descriptionProperty().set("Brukaren föll i badrummet vid morgonbesöket.");
    }

    @Test
    void aNewDeviationsDraftSurvivesTheProgramAndIsClearedBySaving() {
        DeviationEditorViewModel first = editor(ctx);
        first.startNew(unit);
        assertThat(dialogs.choices).isEmpty(); // nothing to offer yet
        type(first, "Fall i badrummet");
        first.drafts().saveNow(first::current); // what the view's timer does a moment after the typing
        assertThat(first.drafts().stateProperty().get()).isEqualTo("Utkast sparat 10:00");
        // the program is killed here: nothing saved in the register
        assertThat(ctx.deviationService().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all())).isZero();

        try (AppContext next = new AppContext(Database.open(ctx.database().describe()), TestDb.clock())) {
            dialogs.chooseAnswer = java.util.Optional.of(0);
            DeviationEditorViewModel again = editor(next);
            again.startNew(next.organisation().tree().find(unit.id()).orElseThrow());
            assertThat(dialogs.choices).containsExactly(List.of("Fortsätt med utkastet från 10:00", "Släng utkastet"));
            assertThat(again.titleProperty().get()).isEqualTo("Fall i badrummet");
            assertThat(again.descriptionProperty().get()).startsWith("Brukaren föll");
            assertThat(again.unitProperty().get().id()).isEqualTo(unit.id());
            assertThat(again.dirtyProperty().get()).as("a restored draft is not saved yet").isTrue();

            assertThat(again.saveCommand().execute()).isTrue();
            assertThat(again.idProperty().get()).as("saved: %s", again.problemsProperty().get()).isNotNull();
            assertThat(next.deviationDrafts().find(null)).as("the new form's draft is gone").isEmpty();
            assertThat(next.deviationDrafts().find(again.idProperty().get())).isEmpty();
        }
    }

    @Test
    void anEditedDeviationsDraftCanBeThrownAwayAndThenTheSavedRecordShows() {
        DeviationEditorViewModel e = editor(ctx);
        e.startNew(unit);
        type(e, "Glömd medicin");
        assertThat(e.saveCommand().execute()).isTrue();
        long id = e.idProperty().get();

        DeviationEditorViewModel edit = editor(ctx);
        edit.load(id);
        edit.titleProperty().set("Glömd kvällsmedicin");
        edit.drafts().saveNow(edit::current);
        assertThat(ctx.deviationDrafts().find(id)).isPresent();

        dialogs.chooseAnswer = java.util.Optional.of(1); // "Släng utkastet"
        DeviationEditorViewModel reopened = editor(ctx);
        reopened.load(id);
        assertThat(reopened.titleProperty().get()).isEqualTo("Glömd medicin");
        assertThat(reopened.dirtyProperty().get()).isFalse();
        assertThat(ctx.deviationDrafts().find(id)).isEmpty();
    }

    @Test
    void closingWithoutSavingKeepsTheDraftUnlessTheChangesAreThrownAway() {
        DeviationEditorViewModel e = editor(ctx);
        e.startNew(unit);
        type(e, "Dörren stod öppen");
        dialogs.unsavedAnswer = se.kvalitetshjulet.ui.common.DialogService.Unsaved.CANCEL;
        e.drafts().saveNow(e::current); // the view writes the draft before it asks
        assertThat(e.confirmClose()).isFalse();
        assertThat(ctx.deviationDrafts().find(null)).isPresent();
        dialogs.unsavedAnswer = se.kvalitetshjulet.ui.common.DialogService.Unsaved.DISCARD;
        assertThat(e.confirmClose()).isTrue();
        assertThat(ctx.deviationDrafts().find(null)).isEmpty();
    }

    @Test
    void underRefuseAnIdentityNumberIsMaskedBeforeTheDraftIsWritten() {
        ctx.privacy().savePolicy(PrivacyPolicy.warnEverywhere().with(PrivacyPolicy.TextKind.DEVIATION,
                PrivacyPolicy.Mode.REFUSE));
        DeviationEditorViewModel e = editor(ctx);
        e.startNew(unit);
        type(e, "Fall");
        e.descriptionProperty().set("Brukaren 19121212-1212 föll.");
        e.drafts().saveNow(e::current);
        String stored = ctx.database().dsl().select(se.kvalitetshjulet.data.jooq.Tables.DEVIATION_DRAFT.CONTENT)
                .from(se.kvalitetshjulet.data.jooq.Tables.DEVIATION_DRAFT).fetchOne().value1();
        assertThat(stored).doesNotContain("19121212").contains("[personnummer borttaget]");
    }
}
