package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;

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
import se.kvalitetshjulet.domain.selfcheck.Answer;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.demo.SelfCheckDemoData;

/**
 * A section chief whose connection drops while filling in a self-check loses nothing (issue 15, decision 0030): the
 * network to the server is cut (a proxy in front of the embedded server), the draft is kept in the user's own folder
 * (owner-only), and when the network is back the draft reaches the server by itself and the local file is gone.
 */
class OfflineDraftServiceTest {
    @TempDir
    Path folder;

    @Test
    void aDraftWrittenWhileTheServerIsUnreachableIsSentWhenItAnswersAgain() throws Exception {
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
            Question clothes = t.questions().filter(q -> q.key().equals("klader")).findFirst().orElseThrow();

            try (AppContext laptop = DatabaseOpening.openServer("postgresql://postgres@127.0.0.1:" + network.port()
                    + "/" + database, TestPostgres.SUPERUSER_PASSWORD, Clock.systemDefaultZone())) {
                OfflineDraftService drafts = new OfflineDraftService(laptop.selfChecks(), laptop.changes(), folder);
                assertThat(drafts.saveDraft(response, List.of(new Answer(null, percent.id(), "80", null))).keptLocally())
                        .isFalse();

                network.cut();
                OfflineDraftService.Saved saved = drafts.saveDraft(response, List.of(
                        new Answer(null, percent.id(), "95", null), new Answer(null, clothes.id(), "NEJ", "Förkläden saknas")));

                assertThat(saved.keptLocally()).isTrue();
                assertThat(drafts.waiting()).isEqualTo(1);
                Path kept;
                try (var files = Files.list(folder)) {
                    kept = files.filter(f -> f.toString().endsWith(".kvh-utkast")).findFirst().orElseThrow();
                }
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
                assertThat(admin.selfChecks().open(response).answers().get(percent.id()).value()).isEqualTo("80");

                network.restore();
                // the change feed connects again (backoff 1 s doubling to 30 s) and the draft is sent by itself
                for (int i = 0; i < 120 && drafts.waiting() > 0; i++) {
                    Thread.sleep(500);
                }
                assertThat(drafts.waiting()).as("the kept draft was sent").isZero();
                var onServer = admin.selfChecks().open(response).answers();
                assertThat(onServer.get(percent.id()).value()).isEqualTo("95");
                assertThat(onServer.get(clothes.id()).comment()).isEqualTo("Förkläden saknas");
                try (var files = Files.list(folder)) {
                    // no draft left; only the folder's key (decision 0037)
                    assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("utkast.nyckel");
                }
            }
        }
    }
}
