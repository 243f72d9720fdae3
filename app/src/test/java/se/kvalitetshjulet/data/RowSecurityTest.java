package se.kvalitetshjulet.data;

import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * PostgreSQL is the guard (decision 10): raw SQL as each role's own login, on the demo municipality. What a login
 * may read and change is decided by grants and row-level security, whatever client it uses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RowSecurityTest {
    final TestPostgres pg = TestPostgres.get();
    AppContext admin;
    String database;
    long solbacken;
    Set<Long> solbackenScope;
    long root;
    String chef;
    String sas;
    String mas;
    String lasare;
    String radsledamot;

    @BeforeAll
    void setUp() throws Exception {
        admin = TestDb.demo(TestDb.Engine.POSTGRESQL, null);
        database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        Unit sol = admin.units().findAll().stream().filter(u -> u.name().startsWith("Solbackens")).findFirst().orElseThrow();
        solbacken = sol.id();
        solbackenScope = admin.organisation().unitScope(solbacken, null);
        root = admin.units().findAll().stream().filter(u -> u.parentId() == null).findFirst().orElseThrow().id();
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        String suffix = database.replace("kvh_test_", "");
        chef = login(access, "chef_" + suffix, AccessRole.SEKTIONSCHEF, solbacken);
        sas = login(access, "sas_" + suffix, AccessRole.SAS, root);
        mas = login(access, "mas_" + suffix, AccessRole.MAS, root);
        lasare = login(access, "lasare_" + suffix, AccessRole.LASARE, root);
        radsledamot = login(access, "rad_" + suffix, AccessRole.RADSLEDAMOT, solbacken);
    }

    private String login(ServerAccess access, String login, AccessRole role, long unit) {
        access.createLogin(login, password(login));
        access.grant(login, role, unit);
        pg.rememberPassword(login, password(login));
        return login;
    }

    private static String password(String login) {
        return "pw-" + login;
    }

    @AfterAll
    void tearDown() {
        admin.close();
    }

    private Connection as(String login) throws SQLException {
        return pg.as(login, password(login), database);
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long adminCount(String sql) throws SQLException {
        try (Connection c = pg.superuser(database)) {
            return count(c, sql);
        }
    }

    private String inScope() {
        return solbackenScope.stream().map(String::valueOf).collect(Collectors.joining(",", "(", ")"));
    }

    @Test
    void aSectionChiefReadsExactlyTheOwnUnitsDeviations() throws Exception {
        long own = adminCount("SELECT count(*) FROM deviation WHERE unit_id IN " + inScope());
        long all = adminCount("SELECT count(*) FROM deviation");
        assertThat(own).isPositive().isLessThan(all);
        try (Connection c = as(chef)) {
            assertThat(count(c, "SELECT count(*) FROM deviation")).isEqualTo(own);
            assertThat(count(c, "SELECT count(*) FROM deviation WHERE unit_id NOT IN " + inScope())).isZero();
            // lex Sarah free text outside the remit: not a single row
            assertThat(count(c, "SELECT count(description) FROM deviation WHERE kind = 'LEX_SARAH' AND unit_id NOT IN "
                    + inScope())).isZero();
        }
    }

    @Test
    void theAppShowsASectionChiefWhatTheDatabaseLetsThemRead() throws Exception {
        long own = adminCount("SELECT count(*) FROM deviation WHERE unit_id IN " + inScope());
        try (AppContext ctx = new AppContext(Database.open(pg.url(chef, database)), TestDb.clock())) {
            assertThat(ctx.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(own);
        }
    }

    /**
     * The register's free text on the server (decision 0032): pg_trgm's indexes exist (V24), the search finds what
     * ILIKE finds, and a section chief's search finds the own units' matches and not one row of another unit's.
     */
    @Test
    void aSectionChiefsFreeTextSearchFindsOnlyTheOwnUnitsMatches() throws Exception {
        assertThat(adminCount("SELECT count(*) FROM pg_indexes WHERE tablename = 'deviation' AND indexname IN "
                + "('deviation_title_trgm', 'deviation_description_trgm', 'deviation_case_ref_trgm')")).isEqualTo(3);
        for (String term : List.of("fall", "LÄKEMEDEL", "ä", "Äl")) {
            String like = "(title ILIKE '%" + term + "%' OR description ILIKE '%" + term + "%' OR case_ref ILIKE '%"
                    + term + "%')";
            long own = adminCount("SELECT count(*) FROM deviation WHERE " + like + " AND unit_id IN " + inScope());
            long all = adminCount("SELECT count(*) FROM deviation WHERE " + like);
            assertThat(own).as(term).isPositive().isLessThan(all);
            try (AppContext ctx = new AppContext(Database.open(pg.url(chef, database)), TestDb.clock())) {
                DeviationFilter f = DeviationFilter.all().withText(term);
                assertThat(ctx.deviations().count(f, TestDb.TODAY)).as(term).isEqualTo(own);
                var page = ctx.deviations().search(f, se.kvalitetshjulet.domain.deviation.DeviationSort.REGISTERED_ON,
                        false, 0, 10_000, TestDb.TODAY);
                assertThat(page.total()).isEqualTo(own);
                assertThat(page.rows()).hasSize((int) own)
                        .allSatisfy(r -> assertThat(solbackenScope).contains(r.unitId()));
            }
            assertThat(admin.deviations().count(DeviationFilter.all().withText(term), TestDb.TODAY)).as(term)
                    .isEqualTo(all);
        }
    }

    @Test
    void aSectionChiefCannotChangeOrAddAnotherUnitsRows() throws Exception {
        long other = adminCount("SELECT min(id) FROM deviation WHERE unit_id NOT IN " + inScope());
        long otherUnit = adminCount("SELECT unit_id FROM deviation WHERE id = " + other);
        try (Connection c = as(chef); Statement st = c.createStatement()) {
            assertThat(st.executeUpdate("UPDATE deviation SET title = 'ändrad' WHERE id = " + other)).isZero();
            assertThatThrownBy(() -> st.executeUpdate("DELETE FROM deviation WHERE id = " + other))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeUpdate("INSERT INTO deviation (case_ref, kind, law, unit_id, status, "
                    + "registered_on, title, serious, updated_at) VALUES ('x', 'KVALITETSAVVIKELSE', 'SOL', " + otherUnit
                    + ", 'REGISTRERAD', DATE '2026-11-01', 'fel enhet', FALSE, LOCALTIMESTAMP)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
            // ... while the own unit's rows can be changed
            long mine = count(c, "SELECT min(id) FROM deviation");
            assertThat(st.executeUpdate("UPDATE deviation SET title = title WHERE id = " + mine)).isEqualTo(1);
        }
        assertThat(adminCount("SELECT count(*) FROM deviation WHERE id = " + other + " AND title = 'ändrad'")).isZero();
    }

    @Test
    void nobodyInTheApplicationCanAlterOrDeleteTheAuditTrailAndItNamesTheLogin() throws Exception {
        long rows = adminCount("SELECT count(*) FROM audit_log");
        for (String login : new String[] {chef, sas, mas, radsledamot, lasare}) {
            try (Connection c = as(login); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET actor = 'x'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
                assertThatThrownBy(() -> st.executeUpdate("TRUNCATE audit_log"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
        }
        try (Connection c = as(chef);
             PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (at, actor, entity, entity_id, action) "
                     + "VALUES (LOCALTIMESTAMP, 'någon annan', 'test', 4711, 'UPDATE')")) {
            ps.executeUpdate();
        }
        assertThat(adminCount("SELECT count(*) FROM audit_log")).isEqualTo(rows + 1);
        try (Connection c = pg.superuser(database); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor FROM audit_log WHERE entity = 'test' AND entity_id = 4711")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(chef);
        }
    }

    @Test
    void sasReadsLexSarahEverywhereAndNothingElseMasTheHealthCareCases() throws Exception {
        long sarah = adminCount("SELECT count(*) FROM deviation WHERE kind = 'LEX_SARAH'");
        long health = adminCount("SELECT count(*) FROM deviation WHERE kind IN ('LEX_MARIA', 'HSL_AVVIKELSE') OR law = 'HSL'");
        assertThat(sarah).isPositive();
        assertThat(health).isPositive();
        try (Connection c = as(sas)) {
            assertThat(count(c, "SELECT count(*) FROM deviation")).isEqualTo(sarah);
            assertThat(count(c, "SELECT count(*) FROM deviation WHERE kind <> 'LEX_SARAH'")).isZero();
        }
        try (Connection c = as(mas)) {
            assertThat(count(c, "SELECT count(*) FROM deviation")).isEqualTo(health);
            assertThat(count(c, "SELECT count(*) FROM deviation WHERE kind = 'LEX_SARAH'")).isZero();
        }
    }

    @Test
    void aReaderSeesCountsButNoFreeText() throws Exception {
        long all = adminCount("SELECT count(*) FROM deviation");
        try (Connection c = as(lasare); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT description FROM deviation"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.executeQuery("SELECT what FROM action_item"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThat(count(c, "SELECT count(*) FROM deviation_overview")).isEqualTo(all);
            assertThatThrownBy(() -> st.executeQuery("SELECT description FROM deviation_overview"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("description");
        }
    }

    @Test
    void aCouncilMemberReadsTheUnitsCasesButNotLexSarahOrMariaFreeText() throws Exception {
        long ownOrdinary = adminCount("SELECT count(*) FROM deviation WHERE kind NOT IN ('LEX_SARAH', 'LEX_MARIA') "
                + "AND unit_id IN " + inScope());
        long ownAll = adminCount("SELECT count(*) FROM deviation WHERE unit_id IN " + inScope());
        try (Connection c = as(radsledamot); Statement st = c.createStatement()) {
            assertThat(count(c, "SELECT count(*) FROM deviation")).isEqualTo(ownOrdinary);
            assertThat(count(c, "SELECT count(*) FROM deviation_overview")).isEqualTo(ownAll);
            assertThatThrownBy(() -> st.executeUpdate("UPDATE deviation SET title = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
    }

    @Test
    void grantsAreListedAndARevokedLoginSeesNothing() throws Exception {
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        String temp = "tillfallig_" + database.replace("kvh_test_", "");
        login(access, temp, AccessRole.SEKTIONSCHEF, solbacken);
        assertThat(access.grants()).anySatisfy(g -> {
            assertThat(g.login()).isEqualTo(temp);
            assertThat(g.role()).isEqualTo(AccessRole.SEKTIONSCHEF);
            assertThat(g.unitId()).isEqualTo(solbacken);
        });
        try (Connection c = as(temp)) {
            assertThat(count(c, "SELECT count(*) FROM deviation")).isPositive();
        }
        assertThat(access.revoke(temp, null, null)).isEqualTo(1);
        try (Connection c = as(temp); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery("SELECT count(*) FROM deviation"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        assertThat(admin.audit().history("server_grant", solbacken)).extracting(AuditEntry::action)
                .contains("INSERT", "DELETE");
    }
}
