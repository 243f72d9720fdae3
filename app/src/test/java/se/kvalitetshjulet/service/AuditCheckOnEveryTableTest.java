package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Decision 0035 on a real PostgreSQL server, with raw SQL as a quality coordinator's and a section chief's own
 * logins: every table people edit carries the database's audit check (the tables without it are exactly the ones
 * the decision lists, with their reasons); a change to any of them that skips the program's audit row is recorded
 * by the database at commit, naming the login, without free text; a section chief cannot delete a deviation; nobody
 * may change, delete or truncate the trail; and {@code audit verify} finds the chain whole after all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditCheckOnEveryTableTest {
    /** The tables without the check, as decision 0035 lists them (and why there). */
    static final Set<String> NOT_CHECKED = Set.of(
            // the trail itself, and Flyway's and the server's own bookkeeping
            "audit_log", "flyway_schema_history", "kvh_server_schema_history", "server_grant",
            // settings: the chain's head is written by the seal on every audit row; the rest is audited by the client
            "app_setting",
            // personal: drafts, preferences, saved filters
            "deviation_draft", "user_preference", "saved_filter",
            // public statistics fetched from Kolada (a cache, fetched again at will)
            "kf_kpi", "kf_municipality", "kf_ou", "kf_value");
    /** V22's six, checked since decision 0029 (by kvh_audit_required). */
    static final Set<String> V22 = Set.of("deviation", "deviation_cause", "action_item", "self_check_response",
            "self_check_answer", "council_meeting");
    /** Tables the service writes of {@link EveryWriteAuditedTest} leave empty (written by the hand-over and imports). */
    static final Set<String> NOT_SEEDED = Set.of("self_check_form_copy", "self_check_answer_import",
            "self_check_round_key", "self_check_form_key", "kf_measure_kpi", "survey_result",
            // V22's, with raw changes of their own in AuditByDatabaseTest
            "deviation_cause", "self_check_answer");

    final TestPostgres pg = TestPostgres.get();
    AppContext admin;
    AppContext coordinator;
    String database;
    String kvu;
    String chef;
    long unit;

    @BeforeAll
    void setUp() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        String url = admin.database().describe();
        database = url.substring(url.lastIndexOf('/') + 1);
        unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        String suffix = database.replace("kvh_test_", "");
        kvu = "kvu_" + suffix;
        chef = "chef_" + suffix;
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(kvu, "pw-" + kvu);
        access.grant(kvu, AccessRole.KVALITETSUTVECKLARE, unit);
        access.createLogin(chef, "pw-" + chef);
        access.grant(chef, AccessRole.SEKTIONSCHEF, unit);
        pg.rememberPassword(kvu, "pw-" + kvu);
        pg.rememberPassword(chef, "pw-" + chef);
        coordinator = new AppContext(Database.open(pg.url(kvu, database)), TestDb.clock());
        EveryWriteAuditedTest writes = new EveryWriteAuditedTest();
        writes.engine = TestDb.Engine.POSTGRESQL;
        writes.admin = admin;
        writes.ctx = coordinator;
        writes.runEveryWrite(unit); // a row in (nearly) every table, each with the program's own audit row
    }

    @AfterAll
    void tearDown() {
        coordinator.close();
        admin.close();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = pg.superuser(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void everyTableButTheListedOnesCarriesTheCheck() throws Exception {
        try (Connection c = pg.superuser(database)) {
            Set<String> all = new TreeSet<>(strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"));
            Set<String> checked = new TreeSet<>(strings(c, "SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t "
                    + "WHERE t.tgname LIKE '%\\_audited' AND t.tgconstraint <> 0"));
            Set<String> unchecked = new TreeSet<>(all);
            unchecked.removeAll(checked);
            assertThat(unchecked).as("tables without the database's audit check").isEqualTo(new TreeSet<>(NOT_CHECKED));
            assertThat(checked).containsAll(V22).hasSizeGreaterThan(50);
        }
    }

    @Test
    void aRawChangeToAnyCheckedTableWithoutTheProgramsRowIsRecordedByTheDatabase() throws Exception {
        List<String> tables;
        try (Connection c = pg.superuser(database)) {
            tables = strings(c, "SELECT DISTINCT t.tgrelid::regclass::text FROM pg_trigger t WHERE t.tgname LIKE "
                    + "'%\\_audited' AND t.tgconstraint <> 0 ORDER BY 1");
        }
        List<String> empty = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        try (Connection c = pg.as(kvu, "pw-" + kvu, database); Statement st = c.createStatement()) {
            for (String table : tables) {
                String column = strings(c, "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                        + "current_schema() AND table_name = '" + table + "' ORDER BY ordinal_position LIMIT 1").getFirst();
                long before = count("SELECT count(*) FROM audit_log WHERE reason LIKE 'skriven av databasen%'");
                // a change that skips the program (autocommit: one transaction, the check runs at its commit)
                int changed;
                try {
                    changed = st.executeUpdate("UPDATE " + table + " SET " + column + " = " + column
                            + " WHERE ctid = (SELECT ctid FROM " + table + " LIMIT 1)");
                } catch (SQLException e) {
                    denied.add(table + ": " + e.getMessage());
                    continue;
                }
                if (changed == 0) {
                    empty.add(table);
                    continue;
                }
                assertThat(count("SELECT count(*) FROM audit_log WHERE actor = '" + kvu + "' AND actor_source = "
                        + "'inloggning' AND reason LIKE 'skriven av databasen%" + (V22.contains(table) ? "" : "(" + table + ")")
                        + "'")).as(table).isPositive();
                assertThat(count("SELECT count(*) FROM audit_log WHERE reason LIKE 'skriven av databasen%'"))
                        .as("the database wrote the row for " + table).isEqualTo(before + 1);
            }
        }
        assertThat(denied).as("the coordinator maintains every checked table").isEmpty();
        assertThat(empty).as("checked tables the service writes left empty").isSubsetOf(NOT_SEEDED);
        assertThat(tables.size() - empty.size()).isGreaterThan(40);
        // free text is never copied by the database: the risk analysis's title, the quality dialogue's notes
        assertThat(count("SELECT count(*) FROM audit_log WHERE reason LIKE 'skriven av databasen%' AND (after_json LIKE "
                + "'%Fall i badrummet%' OR after_json LIKE '%Gott bemötande%' OR after_json LIKE '%Eva Ek%')")).isZero();
        assertThat(admin.audit().verify().breaks()).as("the chain after every raw change").isEmpty();
    }

    @Test
    void aSectionChiefsRawLinkIsRecordedAndTheyCannotDeleteACaseNorTouchTheTrail() throws Exception {
        long[] ids = new long[2];
        try (Connection c = pg.superuser(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM deviation ORDER BY id LIMIT 2")) {
            for (int i = 0; i < 2 && rs.next(); i++) {
                ids[i] = rs.getLong(1);
            }
        }
        long before = count("SELECT count(*) FROM audit_log");
        try (Connection c = pg.as(chef, "pw-" + chef, database); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO deviation_link (from_id, to_id, link_type) VALUES (" + ids[0] + ", " + ids[1]
                    + ", 'RELATED')");
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM deviation WHERE id = " + ids[0]))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            for (String sql : List.of("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(count("SELECT count(*) FROM audit_log WHERE entity = 'deviation' AND entity_id = " + ids[0]
                + " AND actor = '" + chef + "' AND reason LIKE 'skriven av databasen%(deviation_link)'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(before + 1);
        try (Connection c = pg.as(kvu, "pw-" + kvu, database); Statement st = c.createStatement()) {
            for (String sql : List.of("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> st.executeUpdate(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
            }
        }
        assertThat(admin.deviations().find(ids[0])).isPresent();
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }
}
