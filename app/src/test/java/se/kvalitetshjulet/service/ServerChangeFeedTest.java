package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * LISTEN/NOTIFY on the server (decision 0030). Row security must not leak through the notification channel: every
 * login of the database hears every notification, so the payload is a table name and nothing else (no title, no id,
 * no unit). And a feed whose connection the server dropped takes it up again.
 */
class ServerChangeFeedTest {
    @Test
    void aSaveAnnouncesOnlyTheNamesOfTheTablesItWrote() throws Exception {
        try (AppContext admin = TestDb.open(TestDb.Engine.POSTGRESQL, null)) {
            String db = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
            long unit = admin.units().save(new Unit(null, null, "Boende Eken", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null)).id();
            try (Connection listener = TestPostgres.get().superuser(db); Statement st = listener.createStatement()) {
                st.execute("LISTEN kvh_change");
                Deviation d = Deviation.newDraft(DeviationKind.LEX_SARAH, unit, TestDb.TODAY);
                d = new Deviation(null, null, d.kind(), d.law(), d.unitId(),
                        admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id(), d.status(), d.occurredOn(),
                        d.reportedOn(), d.registeredOn(), null, null, "undersköterska", "Brukaren Eva föll",
                        "Eva Andersson låg på golvet.", "", "", "", List.of(), null, true, null, null, null, null);
                assertThat(admin.deviationService().save(d, false).ok()).isTrue();

                List<String> payloads = new ArrayList<>();
                PGConnection pg = listener.unwrap(PGConnection.class);
                for (int i = 0; i < 20 && !payloads.contains("deviation"); i++) {
                    PGNotification[] got = pg.getNotifications(1_000);
                    for (PGNotification n : got == null ? new PGNotification[0] : got) {
                        assertThat(n.getName()).isEqualTo("kvh_change");
                        payloads.add(n.getParameter());
                    }
                }
                assertThat(payloads).contains("deviation");
                assertThat(payloads).allMatch(p -> p.matches("[a-z_]+"), "only table names");
                assertThat(String.join(" ", payloads)).doesNotContain("Eva").doesNotContain(Long.toString(unit));
            }
        }
    }

    @Test
    void aDroppedConnectionIsTakenUpAgainAndCountsAsAChange() throws Exception {
        try (AppContext anna = TestDb.open(TestDb.Engine.POSTGRESQL, null);
             ChangeService changes = new ChangeService(anna.database(), java.time.Duration.ofMillis(200))) {
            String db = anna.database().describe().substring(anna.database().describe().lastIndexOf('/') + 1);
            long unit = anna.units().save(new Unit(null, null, "Hemtjänst Öster", OrgLevel.ENHET, null,
                    ProviderKind.KOMMUNAL, null, null, null)).id();
            var heard = new java.util.concurrent.LinkedBlockingQueue<java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic>>();
            changes.watch(java.util.Set.of(se.kvalitetshjulet.domain.change.ChangeTopic.ORGANISATION,
                    se.kvalitetshjulet.domain.change.ChangeTopic.ACTIONS), heard::add);
            // listening once a change of its own arrives
            java.util.Set<se.kvalitetshjulet.domain.change.ChangeTopic> first = null;
            for (int i = 0; i < 60 && first == null; i++) {
                var u = anna.units().findAll().stream().filter(x -> x.id() == unit).findFirst().orElseThrow();
                anna.units().save(u.withName("Hemtjänst Öster " + i));
                first = heard.poll(500, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
            assertThat(first).containsExactly(se.kvalitetshjulet.domain.change.ChangeTopic.ORGANISATION);
            heard.clear();

            // the server drops every connection of the database (a restart, a network failure as the server sees it)
            try (Connection c = TestPostgres.get().superuser("postgres"); Statement st = c.createStatement()) {
                st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db + "'")
                        .close();
            }
            // connected again: changes made meanwhile were not announced, so everything watched counts as changed
            assertThat(heard.poll(60, java.util.concurrent.TimeUnit.SECONDS)).containsExactlyInAnyOrder(
                    se.kvalitetshjulet.domain.change.ChangeTopic.ORGANISATION,
                    se.kvalitetshjulet.domain.change.ChangeTopic.ACTIONS);
        }
    }
}
