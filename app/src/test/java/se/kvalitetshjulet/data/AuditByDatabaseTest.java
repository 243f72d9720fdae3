package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Decision 0029 on a real PostgreSQL server: the audit trail is written by the database. Raw SQL as a section
 * chief's login that skips the client's audit call still leaves the audit row (naming the login, without free text);
 * the client's own row is not doubled; the chain the trigger computes is the one {@code audit verify} checks; who
 * registered a deviation is the login, whatever the client says; the trail cannot be changed or deleted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditByDatabaseTest {
    final TestPostgres pg = TestPostgres.get();
    AppContext admin;
    String database;
    String chef;
    long unit;

    @BeforeAll
    void setUp() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        chef = "chef_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(chef, "pw-" + chef);
        access.grant(chef, AccessRole.SEKTIONSCHEF, unit);
        pg.rememberPassword(chef, "pw-" + chef);
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private Deviation draft(String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        long category = admin.taxonomies().list(se.kvalitetshjulet.domain.deviation.TaxonomyKind.CATEGORY).getFirst().id();
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(), d.reportedOn(),
                d.registeredOn(), null, null, "Undersköterska", title, "Dörren var olåst.", "", "", "", List.of(), null,
                false, null, null, null, null);
    }

    private long auditRows(String where) throws SQLException {
        try (Connection c = pg.superuser(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_log WHERE " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theAppsSaveAsALoginGetsOneSealedRowNamingTheLoginAndTheChainVerifies() throws Exception {
        long id;
        try (AppContext ctx = new AppContext(Database.open(pg.url(chef, database)), TestDb.clock())) {
            var saved = ctx.deviationService().save(draft("Olåst dörr"), false);
            assertThat(saved.problems()).isEmpty();
            id = saved.value().id();
            var read = ctx.deviationService().openForEdit(id).orElseThrow();
            Deviation d = read.value();
            ctx.deviationService().save(new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(),
                    d.status(), d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(),
                    "Olåst dörr till medicinrummet", d.description(), d.immediateActions(), d.facts(), d.causeText(),
                    d.causeIds(), d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(), d.externalSource(),
                    d.externalId()), false, read.version());
        }
        assertThat(auditRows("entity = 'deviation' AND entity_id = " + id)).as("one row per change, not two").isEqualTo(2);
        assertThat(auditRows("entity = 'deviation' AND entity_id = " + id + " AND actor = '" + chef
                + "' AND actor_source = 'inloggning' AND row_hash IS NOT NULL")).isEqualTo(2);
        assertThat(admin.deviations().find(id).orElseThrow().title()).isEqualTo("Olåst dörr till medicinrummet");
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }

    @Test
    void rawSqlThatSkipsTheAuditCallStillLeavesTheRowAndTheRegistrantIsTheLogin() throws Exception {
        long before = auditRows("TRUE");
        long id;
        try (Connection c = pg.as(chef, "pw-" + chef, database); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("INSERT INTO deviation (case_ref, kind, law, unit_id, status, registered_on, "
                    + "title, description, serious, updated_at, registered_by) VALUES ('x-1', 'KVALITETSAVVIKELSE', 'SOL', "
                    + unit + ", 'REGISTRERAD', DATE '2026-11-20', 'Rå rad', 'Anna Andersson föll', FALSE, LOCALTIMESTAMP, "
                    + "'någon annan') RETURNING id")) {
                rs.next();
                id = rs.getLong(1);
            }
            assertThat(st.executeUpdate("UPDATE deviation SET title = 'Rå rad, ändrad', registered_by = 'ännu en' WHERE id = "
                    + id)).isEqualTo(1);
        }
        // one database-written row for the insert (both statements were one autocommit transaction each)
        assertThat(auditRows("entity = 'deviation' AND entity_id = " + id)).isEqualTo(2);
        assertThat(auditRows("entity = 'deviation' AND entity_id = " + id + " AND actor = '" + chef
                + "' AND reason LIKE 'skriven av databasen%'")).isEqualTo(2);
        assertThat(auditRows("entity = 'deviation' AND entity_id = " + id + " AND after_json LIKE '%Anna Andersson%'"))
                .as("free text is not copied by the database").isZero();
        assertThat(auditRows("TRUE")).isEqualTo(before + 2);
        assertThat(admin.deviations().find(id).orElseThrow().title()).isEqualTo("Rå rad, ändrad");
        try (Connection c = pg.superuser(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT registered_by FROM deviation WHERE id = " + id)) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(chef);
        }
        // a measure and a self-check answer written raw are recorded the same way
        try (Connection c = pg.as(chef, "pw-" + chef, database); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO action_item (source_type, source_id, unit_id, what, responsible, due_on) VALUES "
                    + "('DEVIATION', " + id + ", " + unit + ", 'Byt lås', 'Eva', DATE '2026-12-20')");
        }
        assertThat(auditRows("entity = 'action_item' AND actor = '" + chef + "' AND action = 'INSERT'")).isEqualTo(1);
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }

    @Test
    void aForgedAuditRowIsSealedAsTheLoginAndTheTrailCannotBeChanged() throws Exception {
        try (Connection c = pg.as(chef, "pw-" + chef, database); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO audit_log (at, at_text, actor, actor_source, entity, entity_id, action, prev_hash, "
                    + "row_hash) VALUES (TIMESTAMP '2020-01-01 00:00', '2020-01-01T00:00+01:00', 'någon annan', 'vald', "
                    + "'test', 4711, 'UPDATE', 'x', 'y')");
            assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET actor = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        assertThat(auditRows("entity = 'test' AND entity_id = 4711 AND actor = '" + chef
                + "' AND actor_source = 'inloggning' AND at > TIMESTAMP '2025-01-01' AND row_hash <> 'y'")).isEqualTo(1);
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }
}
