package se.kvalitetshjulet.ui.deviation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.ConflictQuestion;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * Two people with the same deviation open on one SQLite file (decision 0025): Anna saves first; Bo's save is refused
 * and the conflict dialog shows who changed what, field by field; each answer does what it says and nothing is
 * silently overwritten.
 */
class DeviationConflictViewModelTest {
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    long id;
    final RecordingDialogService annasDialogs = new RecordingDialogService();
    final RecordingDialogService bosDialogs = new RecordingDialogService();
    final I18n sv = new I18n(Locale.of("sv"));
    DeviationEditorViewModel annasEditor;
    DeviationEditorViewModel bosEditor;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(dir);
        anna.actor().choose("Anna Lind");
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        bo.actor().choose("Bo Ek");
        long unit = anna.units().save(new Unit(null, null, "Gruppbostad Lärkan", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        long category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", "olåst dörr",
                "dörren var olåst på morgonen.", "", "", "", List.of(), null, false, null, null, null, null);
        id = anna.deviationService().save(d, false).value().id();
        annasEditor = new DeviationEditorViewModel(FeatureContexts.deviation(anna), new SyncTaskRunner(), annasDialogs,
                sv, () -> { });
        bosEditor = new DeviationEditorViewModel(FeatureContexts.deviation(bo), new SyncTaskRunner(), bosDialogs,
                sv, () -> { });
        annasEditor.load(id);
        bosEditor.load(id);
        // Anna changes the title and the facts and saves first.
        annasEditor.titleProperty().set("olåst dörr till medicinrummet");
        annasEditor.factsProperty().set("nyckeln satt kvar i låset.");
        assertThat(annasEditor.saveCommand().execute()).isTrue();
        assertThat(annasDialogs.conflicts).isEmpty();
        // Bo, who read the record before Anna saved, changes the title and the description.
        bosEditor.titleProperty().set("olåst dörr natten till måndag");
        bosEditor.descriptionProperty().set("dörren till medicinrummet stod olåst hela natten.");
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private Deviation stored() {
        return anna.deviations().find(id).orElseThrow();
    }

    private static int row(ConflictQuestion q, String field) {
        for (int i = 0; i < q.rows().size(); i++) {
            if (q.rows().get(i).field().equals(field)) {
                return i;
            }
        }
        throw new AssertionError("no row " + field + " in " + q.rows());
    }

    @Test
    void theDialogShowsWhoChangedWhatFieldByFieldAndOnlyTheFieldsThatDiffer() {
        bosDialogs.conflictAnswer = q -> Optional.empty();
        bosEditor.saveCommand().execute();

        assertThat(bosDialogs.conflicts).hasSize(1);
        ConflictQuestion q = bosDialogs.conflicts.getFirst();
        assertThat(q.message()).contains("Anna Lind").contains("2026-11-23 10:00");
        assertThat(q.rows()).extracting(ConflictQuestion.Row::field)
                .containsExactly("Rubrik", "Beskrivning", "Fakta från utredningen");
        ConflictQuestion.Row title = q.rows().get(row(q, "Rubrik"));
        assertThat(title.changed()).isEqualTo(ConflictQuestion.Changed.BOTH);
        assertThat(title.mine()).isEqualTo("olåst dörr natten till måndag");
        assertThat(title.theirs()).isEqualTo("olåst dörr till medicinrummet");
        assertThat(q.rows().get(row(q, "Beskrivning")).changed()).isEqualTo(ConflictQuestion.Changed.MINE);
        ConflictQuestion.Row facts = q.rows().get(row(q, "Fakta från utredningen"));
        assertThat(facts.changed()).isEqualTo(ConflictQuestion.Changed.THEIRS);
        assertThat(facts.mine()).isEqualTo("(tomt)");
        assertThat(q.keepMineLabel()).isEqualTo("Behåll mina ändringar");
        assertThat(q.takeTheirsLabel()).isEqualTo("Ta deras");
        assertThat(q.mergeLabel()).isEqualTo("Slå ihop");

        // Closed without an answer: nothing written, Bo's edits still in his form, and he is told.
        assertThat(stored().title()).isEqualTo("olåst dörr till medicinrummet");
        assertThat(bosEditor.titleProperty().get()).isEqualTo("olåst dörr natten till måndag");
        assertThat(bosEditor.problemsProperty().get()).contains("Inget sparades");
        assertThat(bosEditor.dirtyProperty().get()).isTrue();
    }

    @Test
    void mergeKeepsWhatOnlyIChangedTakesWhatOnlyTheyChangedAndAsksForTheRest() {
        bosDialogs.conflictAnswer = q -> Optional.of(new ConflictQuestion.Answer(ConflictQuestion.Choice.MERGE,
                Set.of(row(q, "Rubrik"))));
        bosEditor.saveCommand().execute();

        Deviation s = stored();
        assertThat(s.title()).isEqualTo("olåst dörr natten till måndag");            // both: Bo picked his
        assertThat(s.description()).isEqualTo("dörren till medicinrummet stod olåst hela natten."); // only Bo
        assertThat(s.facts()).isEqualTo("nyckeln satt kvar i låset.");             // only Anna: kept
        assertThat(bosEditor.factsProperty().get()).isEqualTo("nyckeln satt kvar i låset.");
        assertThat(bosEditor.dirtyProperty().get()).isFalse();
        List<AuditEntry> history = anna.audit().history("deviation", id);
        assertThat(history.getFirst().actor()).isEqualTo("Bo Ek");
        assertThat(history).extracting(AuditEntry::actor).contains("Anna Lind");

        // Bo's editor now stands on the merged version: his next save goes through without a conflict.
        bosEditor.causeTextProperty().set("rutinen för nyckeln saknas.");
        bosEditor.saveCommand().execute();
        assertThat(bosDialogs.conflicts).hasSize(1);
        assertThat(stored().causeText()).isEqualTo("rutinen för nyckeln saknas.");
    }

    @Test
    void mergeWithTheirPickTakesTheirTitle() {
        bosDialogs.conflictAnswer = q -> Optional.of(new ConflictQuestion.Answer(ConflictQuestion.Choice.MERGE, Set.of()));
        bosEditor.saveCommand().execute();
        assertThat(stored().title()).isEqualTo("olåst dörr till medicinrummet");
        assertThat(stored().description()).isEqualTo("dörren till medicinrummet stod olåst hela natten.");
    }

    @Test
    void keepMineSavesMyFormOnTheirVersionAndTheirsStaysInTheHistory() {
        long before = anna.deviations().version(id);
        bosDialogs.conflictAnswer = q -> Optional.of(ConflictQuestion.Answer.of(ConflictQuestion.Choice.KEEP_MINE));
        bosEditor.saveCommand().execute();

        Deviation s = stored();
        assertThat(s.title()).isEqualTo("olåst dörr natten till måndag");
        assertThat(s.facts()).isEmpty(); // Bo's form had no facts: "keep mine" means mine everywhere
        assertThat(anna.deviations().version(id)).isEqualTo(before + 1);
        List<AuditEntry> history = anna.audit().history("deviation", id);
        assertThat(history.getFirst().actor()).isEqualTo("Bo Ek");
        assertThat(history.get(1).actor()).isEqualTo("Anna Lind");
        assertThat(history.get(1).afterJson()).contains("nyckeln satt kvar i låset.");
    }

    @Test
    void takeTheirsWritesNothingAndShowsTheirRecord() {
        long before = anna.deviations().version(id);
        int rows = anna.audit().history("deviation", id).size();
        bosDialogs.conflictAnswer = q -> Optional.of(ConflictQuestion.Answer.of(ConflictQuestion.Choice.TAKE_THEIRS));
        bosEditor.saveCommand().execute();

        assertThat(anna.deviations().version(id)).isEqualTo(before);
        assertThat(anna.audit().history("deviation", id)).hasSize(rows);
        assertThat(bosEditor.titleProperty().get()).isEqualTo("olåst dörr till medicinrummet");
        assertThat(bosEditor.factsProperty().get()).isEqualTo("nyckeln satt kvar i låset.");
        assertThat(bosEditor.dirtyProperty().get()).isFalse();
        // and he now edits on their version
        bosEditor.descriptionProperty().set("dörren stod olåst.");
        bosEditor.saveCommand().execute();
        assertThat(bosDialogs.conflicts).hasSize(1);
        assertThat(stored().description()).isEqualTo("dörren stod olåst.");
        assertThat(bosDialogs.unexpected).isEmpty();
    }

    @Test
    void theDialogSpeaksEnglishInTheEnglishUi() {
        var english = new DeviationEditorViewModel(FeatureContexts.deviation(bo), new SyncTaskRunner(), bosDialogs,
                new I18n(Locale.ENGLISH), () -> { });
        english.load(id);
        annasEditor.descriptionProperty().set("dörren var olåst hela morgonen.");
        annasEditor.saveCommand().execute();
        english.descriptionProperty().set("dörren var olåst.");
        english.saveCommand().execute();
        ConflictQuestion q = bosDialogs.conflicts.getLast();
        assertThat(q.mergeLabel()).isEqualTo("Merge");
        assertThat(q.rows()).extracting(ConflictQuestion.Row::field).containsExactly("Description");
        assertThat(q.message()).contains("Anna Lind");
    }
}
