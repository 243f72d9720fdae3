package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
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
 * Issue 18 (decision 0027): "Mina åtgärder" are the actions whose responsible is my name or a role I hold in my
 * units, filtered, paged and counted in SQL on both engines; my units and roles are chosen locally and come from the
 * login's grants on a server, where each person's preferences are their own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class MyActionsByRoleTest {
    @Parameter
    TestDb.Engine engine;
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

    private List<String> mine(AppContext who, String name, Me me) {
        ActionFilter f = who.actionService().mine(ActionFilter.all(), name, me);
        Page<ActionRow> page = who.actionService().search(f, 0, 100);
        assertThat(who.actionService().count(f)).isEqualTo(page.total()).isEqualTo(page.rows().size());
        return page.rows().stream().map(r -> r.measure().what()).sorted().toList();
    }

    @Test
    void mineIsMyNameOrARoleIHoldInMyUnits() {
        Me me = new Me(List.of(north), Me.parseRoles("Enhetschef, MAS"), false);

        // Enhetschef under Hemtjänst Norr (the night section is under it), MAS in Norr, and my name anywhere
        assertThat(mine(ctx, "anna berg", me)).containsExactly("annas uppgift", "läkemedelsgenomgång", "nattens rutin");
        // without a name, the roles alone
        assertThat(mine(ctx, null, me)).containsExactly("läkemedelsgenomgång", "nattens rutin");
        // without roles, the name alone (as before); with neither, no narrowing
        assertThat(mine(ctx, "Bo", new Me(List.of(north), List.of(), false))).containsExactly("bos uppgift");
        assertThat(mine(ctx, null, Me.nobody())).hasSize(5);
        // "Mina enheter" narrows the list the same way, in the database
        ActionFilter myUnits = ActionFilter.all().withUnits(ctx.organisation().unitsScope(me.units()));
        assertThat(ctx.actionService().count(myUnits)).isEqualTo(3);
    }

    @Test
    void withoutUnitsMyRolesCountEverywhere() {
        assertThat(mine(ctx, null, new Me(List.of(), List.of("enhetschef"), false)))
                .containsExactly("nattens rutin", "södras rutin");
    }

    @Test
    void locallyMyUnitsAndRolesAreChosenAndAuditedOnAServerTheyAreTheLogins() {
        long before = ctx.audit().history("app_setting", 0).size();
        var saved = ctx.settingsService().saveMe(List.of(north, south), "Enhetschef; MAS, enhetschef");
        if (engine == TestDb.Engine.POSTGRESQL) {
            assertThat(saved.problems()).extracting(se.kvalitetshjulet.domain.Problem::messageKey)
                    .containsExactly("h2.me.validation.fromLogin");
            assertThat(ctx.settingsService().me().fromLogin()).isTrue();
            assertThat(ctx.settingsService().me().units()).isEmpty(); // the owner has no grants
            return;
        }
        assertThat(saved.ok()).isTrue();
        Me me = ctx.settingsService().me();
        assertThat(me.units()).containsExactly(north, south);
        assertThat(me.roles()).containsExactly("Enhetschef", "MAS");
        assertThat(me.fromLogin()).isFalse();
        assertThat(ctx.audit().history("app_setting", 0)).hasSize((int) before + 1);
        assertThat(mine(ctx, null, me)).containsExactly("läkemedelsgenomgång", "nattens rutin", "södras rutin");
    }

    @Test
    void tooManyOrTooLongRolesAreRefusedAndNothingIsStored() {
        var r = ctx.settingsService().saveMe(List.of(north), "x".repeat(61));
        if (engine == TestDb.Engine.POSTGRESQL) {
            assertThat(r.problems()).extracting(se.kvalitetshjulet.domain.Problem::messageKey)
                    .containsExactly("h2.me.validation.fromLogin");
        } else {
            assertThat(r.problems()).extracting(se.kvalitetshjulet.domain.Problem::messageKey)
                    .containsExactly("h2.me.validation.roleTooLong");
        }
        assertThat(ctx.settingsService().me().units()).isEmpty();
    }
}
