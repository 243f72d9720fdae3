package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
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
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * The register flags a late IVO notification (issue 13): a serious lex Sarah / lex Maria case whose IVO_ANMALAN
 * deadline has passed without a notification date is marked in its row and found by the filter "Försenad
 * IVO-anmälan"; notified, not serious, still in time or another kind is not. The coordinator's rule moves the line.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class IvoLateRegisterTest {
    @Parameter
    TestDb.Engine engine;

    @TempDir
    Path dir;
    AppContext ctx;
    Unit unit;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(engine, dir);
        unit = ctx.units().save(new Unit(null, null, "Gruppbostad Lärkan", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private long register(DeviationKind kind, String title, int daysAgo, boolean serious, Assessment assessment,
                          LocalDate notified) {
        LocalDate on = TestDb.TODAY.minusDays(daysAgo);
        Deviation d = Deviation.newDraft(kind, unit.id(), on);
        long category = ctx.taxonomies().list(se.kvalitetshjulet.domain.deviation.TaxonomyKind.CATEGORY).getFirst().id();
        Deviation full = new Deviation(null, null, kind, d.law(), unit.id(), category, d.status(), on, on, on, null, null,
                "Stödassistent", title, "Beskrivning utan personuppgifter.", "Samtal samma dag.", "", "", List.of(),
                assessment, serious, notified, notified == null ? null : "IVO-2026-1", null, null,
                notified == null ? null : new se.kvalitetshjulet.domain.deviation.IvoDetails(
                        se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.SAS, "SAS", "", null));
        var r = ctx.deviationService().save(full, false);
        assertThat(r.ok()).as(title + ": " + r.problems()).isTrue();
        return r.value().id();
    }

    private List<DeviationRow> rows(DeviationFilter f) {
        return ctx.deviationService().search(f, DeviationSort.REGISTERED_ON, true, 0, 100).rows();
    }

    @Test
    void aSeriousCaseNotNotifiedInTimeIsMarkedAndFilteredAndTheRuleMovesTheLine() {
        long late = register(DeviationKind.LEX_SARAH, "Allvarligt, ej anmält", 12, true, null, null);
        long injury = register(DeviationKind.LEX_MARIA, "Allvarlig vårdskada, ej anmäld", 9, false,
                Assessment.ALLVARLIG_VARDSKADA, null);
        long notified = register(DeviationKind.LEX_SARAH, "Allvarligt, anmält", 10, true, null, TestDb.TODAY.minusDays(8));
        long inTime = register(DeviationKind.LEX_SARAH, "Allvarligt, nyss registrerat", 3, true, null, null);
        long notSerious = register(DeviationKind.LEX_SARAH, "Inte allvarligt", 10, false, null, null);
        long other = register(DeviationKind.KVALITETSAVVIKELSE, "Kvalitetsavvikelse", 10, false, null, null);

        DeviationFilter all = DeviationFilter.all();
        assertThat(rows(all)).filteredOn(DeviationRow::ivoLate).extracting(DeviationRow::id)
                .containsExactlyInAnyOrder(late, injury);
        assertThat(rows(all)).filteredOn(r -> !r.ivoLate()).extracting(DeviationRow::id)
                .containsExactlyInAnyOrder(notified, inTime, notSerious, other);

        DeviationFilter onlyLate = all.withIvoLateBefore(ctx.deviationService().ivoLateBefore());
        assertThat(ctx.deviationService().ivoLateBefore()).isEqualTo(TestDb.TODAY.minusDays(7));
        assertThat(rows(onlyLate)).extracting(DeviationRow::id).containsExactlyInAnyOrder(late, injury);
        assertThat(ctx.deviations().count(onlyLate, TestDb.TODAY)).isEqualTo(2);

        // The coordinator allows ten days: the case registered nine days ago is no longer late (due on day ten).
        var values = ctx.settingsService().load();
        assertThat(ctx.settingsService().save(new SettingsService.Values(values.myName(), values.policy(),
                values.historyRetentionDays(), 10)).ok()).isTrue();
        assertThat(rows(all.withIvoLateBefore(ctx.deviationService().ivoLateBefore()))).extracting(DeviationRow::id)
                .containsExactly(late);
        assertThat(rows(all)).filteredOn(DeviationRow::ivoLate).extracting(DeviationRow::id).containsExactly(late);
    }
}
