package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * "Ta bort ärendet …" in the deviation editor (decision 0035): offered for a saved case, it asks for the reason in a
 * dialog that names the case, deletes it, tells the register and closes the editor; cancelled, nothing happens; a
 * case reported to IVO is refused with a Swedish sentence saying what to do instead.
 */
class DeviationDeleteViewModelTest {
    @TempDir
    Path dir;
    AppContext ctx;
    final RecordingDialogService dialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    final AtomicInteger changed = new AtomicInteger();
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

    private DeviationEditorViewModel editor() {
        return new DeviationEditorViewModel(FeatureContexts.deviation(ctx), new SyncTaskRunner(), dialogs, sv,
                changed::incrementAndGet);
    }

    private long saved(String title) {
        DeviationEditorViewModel e = editor();
        e.startNew(unit);
        assertThat(e.deletableProperty().get()).as("a new form has nothing to delete").isFalse();
        e.categoryProperty().set(e.categories().getFirst());
        e.reporterRoleProperty().set("undersköterska");
        e.titleProperty().set(title);
        e.descriptionProperty().set("Brukaren fick sin insats två gånger.");
        assertThat(e.saveCommand().execute()).isTrue();
        assertThat(e.idProperty().get()).as("saved: %s", e.problemsProperty().get()).isNotNull();
        return e.idProperty().get();
    }

    @Test
    void aSavedCaseIsDeletedAfterTheReasonAndTheEditorCloses() {
        long id = saved("Dubbelregistrerad insats");
        String ref = ctx.deviationService().find(id).orElseThrow().caseRef();
        DeviationEditorViewModel e = editor();
        e.load(id);
        assertThat(e.deletableProperty().get()).isTrue();

        dialogs.textAnswer = Optional.empty(); // Avbryt
        e.delete();
        assertThat(ctx.deviationService().find(id)).as("cancelled: nothing deleted").isPresent();
        assertThat(dialogs.infos).as("nothing is said to be deleted").isEmpty();
        assertThat(e.closeRequestedProperty().get()).isFalse();

        dialogs.textAnswer = Optional.of("Dubblett, registrerad två gånger");
        int before = changed.get();
        e.delete();
        assertThat(dialogs.confirms.getLast()).contains(ref, "Dubbelregistrerad insats", "ändringsloggen",
                "Dubblett, registrerad två gånger");
        assertThat(ctx.deviationService().find(id)).isEmpty();
        assertThat(ctx.deviationService().count(DeviationFilter.all())).isZero();
        assertThat(changed.get()).as("the register is told").isGreaterThan(before);
        assertThat(e.closeRequestedProperty().get()).isTrue();
        assertThat(dialogs.infos).as("the person is told it is done, and where the record is kept")
                .anySatisfy(m -> assertThat(m).contains(ref, "borttaget", "ändringsloggen"));
        assertThat(e.confirmClose()).as("nothing unsaved is asked about").isTrue();
        assertThat(ctx.audit().history("deviation", id).getFirst().reason()).isEqualTo("Dubblett, registrerad två gånger");
    }

    @Test
    void aCaseReportedToIvoIsNotDeletedAndTheEditorSaysWhatToDo() {
        long id = saved("Fall i badrummet");
        ctx.database().dsl().update(se.kvalitetshjulet.data.jooq.Tables.DEVIATION)
                .set(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.IVO_REPORTED_ON, TestDb.TODAY)
                .where(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.ID.eq(id)).execute();
        DeviationEditorViewModel e = editor();
        e.load(id);
        dialogs.textAnswer = Optional.of("Fel enhet vald");
        e.delete();
        assertThat(ctx.deviationService().find(id)).isPresent();
        assertThat(e.problemsProperty().get()).contains("anmält till IVO", "Avsluta det i stället");
        assertThat(e.closeRequestedProperty().get()).isFalse();
    }
}
