package se.kvalitetshjulet.ui.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.CuttableProxy;
import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.shell.FeatureContexts;

/**
 * The section chief's form when the network to the server drops (issue 15): the autosave says "Sparat lokalt –
 * skickas när servern svarar" instead of an error dialog, and the answer reaches the server once it answers again.
 */
class OfflineDraftFormViewModelTest {
    @TempDir
    Path home;

    @AfterEach
    void tearDown() {
        System.clearProperty("kvalitetshjulet.home");
    }

    @Test
    void theFormSaysItKeptTheDraftLocallyAndTheServerGetsItLater() throws Exception {
        System.setProperty("kvalitetshjulet.home", home.toString()); // the user's data folder, for this test
        TestPostgres pg = TestPostgres.get();
        try (AppContext admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
             CuttableProxy network = new CuttableProxy(pg.port())) {
            String database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
            Unit unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            Template t = admin.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
            Round r = admin.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
            long response = admin.selfChecks().responses(r.id(), unit.id()).getFirst().id();
            Question percent = t.questions().filter(q -> q.key().equals("ppm_andel")).findFirst().orElseThrow();

            try (AppContext laptop = DatabaseOpening.openServer("postgresql://postgres@127.0.0.1:" + network.port()
                    + "/" + database, TestPostgres.SUPERUSER_PASSWORD, Clock.systemDefaultZone())) {
                RecordingDialogService dialogs = new RecordingDialogService();
                SelfCheckFormViewModel form = new SelfCheckViewModel(FeatureContexts.selfcheck(laptop),
                        new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv"))).form();
                form.open(response);
                assertThat(form.items()).isNotEmpty();

                network.cut();
                form.items().stream().filter(i -> i.question().id() == percent.id()).findFirst().orElseThrow()
                        .valueProperty().set("95");
                form.autosave();

                assertThat(form.saveStateProperty().get()).matches("Väntar på servern – sparat lokalt kl\\. \\d\\d:\\d\\d");
                assertThat(dialogs.errors).isEmpty();
                assertThat(dialogs.unexpected).isEmpty();
                assertThat(form.dirtyProperty().get()).isFalse();
                assertThat(laptop.offlineDrafts().waiting()).isEqualTo(1);
                // encrypted at rest (decision 0037): the answer is not in the file
                try (var files = java.nio.file.Files.walk(home.resolve("utkast-server"))) {
                    Path kept = files.filter(f -> f.toString().endsWith(".kvh-utkast")).findFirst().orElseThrow();
                    String bytes = new String(java.nio.file.Files.readAllBytes(kept), java.nio.charset.StandardCharsets.ISO_8859_1);
                    assertThat(bytes).startsWith("KVHUTKAST1").doesNotContain("\"value\"").doesNotContain("answers");
                }

                network.restore();
                // the change feed's "connected again" (and its connected rounds) send the kept draft: no save, no restart
                for (int i = 0; i < 180 && laptop.offlineDrafts().waiting() > 0; i++) {
                    Thread.sleep(500);
                }
                assertThat(laptop.offlineDrafts().waiting()).as("the kept draft was sent by the change feed").isZero();
                assertThat(admin.selfChecks().open(response).answers().get(percent.id()).value()).isEqualTo("95");
                assertThat(form.saveStateProperty().get()).matches("Skickat till servern kl\\. \\d\\d:\\d\\d");

                // the form continues on the version the kept draft made: its next save is not "someone else's change"
                form.items().stream().filter(i -> i.question().id() == percent.id()).findFirst().orElseThrow()
                        .valueProperty().set("97");
                form.autosave();
                assertThat(dialogs.conflicts).isEmpty();
                assertThat(form.saveStateProperty().get()).startsWith("Utkastet sparat");
                assertThat(admin.selfChecks().open(response).answers().get(percent.id()).value()).isEqualTo("97");
            }
        }
    }

    @Test
    void aKeptDraftSomeoneElseOvertookMeanwhileGivesTheConflictDialogWhenTheServerIsBack() throws Exception {
        System.setProperty("kvalitetshjulet.home", home.toString());
        TestPostgres pg = TestPostgres.get();
        try (AppContext admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
             CuttableProxy network = new CuttableProxy(pg.port())) {
            String database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
            Unit unit = admin.units().save(new Unit(null, null, "Hemtjänst Syd", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null));
            Template t = admin.selfChecks().saveTemplate(SelfCheckDemoData.hygieneTemplate()).value();
            Round r = admin.selfChecks().createRound(Round.standard(t.name(), t.id(), 2026, true)).value();
            long response = admin.selfChecks().responses(r.id(), unit.id()).getFirst().id();
            Question percent = t.questions().filter(q -> q.key().equals("ppm_andel")).findFirst().orElseThrow();

            try (AppContext laptop = DatabaseOpening.openServer("postgresql://postgres@127.0.0.1:" + network.port()
                    + "/" + database, TestPostgres.SUPERUSER_PASSWORD, Clock.systemDefaultZone())) {
                RecordingDialogService dialogs = new RecordingDialogService();
                SelfCheckFormViewModel form = new SelfCheckViewModel(FeatureContexts.selfcheck(laptop),
                        new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv"))).form();
                form.open(response);

                network.cut();
                form.items().stream().filter(i -> i.question().id() == percent.id()).findFirst().orElseThrow()
                        .valueProperty().set("95");
                form.autosave();
                assertThat(laptop.offlineDrafts().waiting()).isEqualTo(1);
                // the colleague at the office saves the same self-check while the laptop is offline
                admin.selfChecks().saveDraft(response, java.util.List.of(
                        new se.kvalitetshjulet.domain.selfcheck.Answer(null, percent.id(), "70", null)));

                network.restore();
                for (int i = 0; i < 180 && laptop.offlineDrafts().status().notTaken() == 0; i++) {
                    Thread.sleep(500);
                }
                for (int i = 0; i < 20 && dialogs.conflicts.isEmpty(); i++) {
                    Thread.sleep(250);
                }
                // nothing overwritten, nothing lost: the colleague's answer stands, mine are kept and the person chooses
                assertThat(admin.selfChecks().open(response).answers().get(percent.id()).value()).isEqualTo("70");
                assertThat(laptop.offlineDrafts().status().notTaken()).isEqualTo(1);
                assertThat(dialogs.conflicts).hasSize(1);
                assertThat(dialogs.errors).isEmpty();
                assertThat(form.saveStateProperty().get()).isEqualTo(new I18n(Locale.of("sv")).get("selfcheck.conflict.paused"));
            }
        }
    }
}
