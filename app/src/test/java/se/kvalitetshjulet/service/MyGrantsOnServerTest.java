package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.data.PostgresServer;
import se.kvalitetshjulet.data.ServerUrl;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.Page;
import se.kvalitetshjulet.domain.action.ActionFilter;
import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.me.Me;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * Issue 18 (decision 0027), shared mode: my units and roles are the login's own grants (read through
 * {@code kvh_my_grants()}), "Mina åtgärder" follows them under row security, and each login's preferences are its own.
 */
class MyGrantsOnServerTest {
    final TestDb.Engine engine = TestDb.Engine.POSTGRESQL;
    @TempDir
    Path dir;
    AppContext ctx;
    long home;
    long north;
    long northNight;
    long south;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(engine, dir);
        long root = unit("Vård- och omsorgsförvaltningen", null, OrgLevel.FORVALTNING);
        north = unit("Hemtjänst Norr", root, OrgLevel.ENHET);
        northNight = unit("Nattpatrullen Norr", north, OrgLevel.SEKTION);
        south = unit("Hemtjänst Söder", root, OrgLevel.ENHET);
        home = ctx.deviations().save(ctx.database().dsl(), new Deviation(null, null, DeviationKind.KVALITETSAVVIKELSE,
                DeviationKind.KVALITETSAVVIKELSE.defaultLaw(), north, null, DeviationStatus.REGISTRERAD, TestDb.TODAY,
                TestDb.TODAY, TestDb.TODAY, TestDb.TODAY.plusDays(14), null, "Undersköterska", "Händelse", "Text", null,
                null, null, List.of(), null, false, null, null, null, null)).id();
        action(northNight, "Enhetschef", "nattens rutin");
        action(south, "enhetschef", "södras rutin");
        action(south, "Anna Berg", "annas uppgift");
        action(north, "MAS", "läkemedelsgenomgång");
        action(north, "Bo Ek", "bos uppgift");
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private long unit(String name, Long parent, OrgLevel level) {
        return ctx.units().save(new Unit(null, parent, name, level, null, ProviderKind.KOMMUNAL, null, null, null)).id();
    }

    private void action(long unit, String responsible, String what) {
        ctx.database().txRun(tx -> ctx.deviations().saveMeasure(tx, new Measure(null, Measure.SOURCE_DEVIATION, home,
                unit, what, null, responsible, TestDb.TODAY.plusDays(10), null, null, null)));
    }

    private List<String> mine(AppContext who, String name) {
        ActionFilter f = who.actionService().mine(ActionFilter.all(), name, who.settingsService().me());
        Page<ActionRow> page = who.actionService().search(f, 0, 100);
        assertThat(who.actionService().count(f)).isEqualTo(page.total()).isEqualTo(page.rows().size());
        return page.rows().stream().map(r -> r.measure().what()).sorted().toList();
    }

    @Test
    void onAServerMyUnitsAndRolesAreTheLoginsGrantsAndMyPreferencesAreMine() {
        TestPostgres pg = TestPostgres.get();
        String database = ctx.database().describe().substring(ctx.database().describe().lastIndexOf('/') + 1);
        String login = "chef_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(ctx.database(), ctx.audit());
        access.createLogin(login, "pw-" + login);
        pg.rememberPassword(login, "pw-" + login);
        access.grant(login, AccessRole.SEKTIONSCHEF, north);
        ctx.settingsService().saveUserPreference("actions.myName", "the owner's own");

        try (AppContext chef = new AppContext(PostgresServer.open(ServerUrl.parse(pg.url(login, database)),
                PostgresServer.Mode.USE), TestDb.clock())) {
            Me me = chef.settingsService().me();
            assertThat(me.fromLogin()).isTrue();
            assertThat(me.units()).containsExactly(north);
            assertThat(me.roles()).containsExactly("Enhetschef", "Sektionschef");
            // the chef sees Norr's actions (row security) and the Enhetschef ones in Norr are theirs
            assertThat(mine(chef, null)).containsExactly("nattens rutin");

            assertThat(chef.settingsService().userPreference("actions.myName")).isEmpty();
            chef.settingsService().saveUserPreference("actions.myName", "Karin Chef");
            assertThat(chef.settingsService().userPreference("actions.myName")).contains("Karin Chef");
        }
        assertThat(ctx.settingsService().userPreference("actions.myName")).contains("the owner's own");
    }
}
