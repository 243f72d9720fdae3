package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Assessment;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/** A lex Sarah case from registration to closing, through the service, on a real database. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class DeviationServiceTest {
    /** The same assertions on a SQLite file and on a real PostgreSQL server (decision 10). */
    @Parameter
    TestDb.Engine engine;

    @TempDir
    Path dir;
    AppContext ctx;
    Unit unit;
    long category;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(engine, dir);
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        unit = ctx.units().save(new Unit(null, adm.id(), "Gruppbostad Lärkan", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null));
        category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Deviation draft() {
        Deviation d = Deviation.newDraft(DeviationKind.LEX_SARAH, unit.id(), TestDb.TODAY);
        return new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "Stödassistent", "Kränkande bemötande vid måltid",
                "Personal höjde rösten mot brukaren.", "Samtal med berörd personal samma dag.", "", "", List.of(), null,
                false, null, null, null, null);
    }

    @Test
    void registeringGivesACaseReferenceADeadlineAndAnAuditRow() {
        var r = ctx.deviationService().save(draft(), false);
        assertThat(r.ok()).isTrue();
        Deviation saved = r.value();
        assertThat(saved.caseRef()).isEqualTo("AV-2026-%06d".formatted(saved.id()));
        assertThat(saved.dueOn()).isEqualTo(TestDb.TODAY.plusDays(14));
        assertThat(ctx.audit().history("deviation", saved.id())).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo("INSERT"));
    }

    @Test
    void aPersonnummerInFreeTextBlocksSavingWhenRefusalIsOn() {
        Deviation d = draft();
        Deviation withPnr = new Deviation(null, null, d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), null, null, d.reporterRole(), d.title(),
                "Brukaren 811218-9876 blev ledsen.", d.immediateActions(), "", "", List.of(), null, false, null, null, null, null);
        var refused = ctx.deviationService().save(withPnr, true);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems()).extracting(Problem::messageKey).contains("deviation.validation.identityNumberRefused");
        assertThat(ctx.deviations().count(se.kvalitetshjulet.domain.deviation.DeviationFilter.all(), TestDb.TODAY)).isZero();
        assertThat(ctx.deviationService().privacyFindings(withPnr)).anyMatch(f -> f.identityNumber());
        assertThat(ctx.deviationService().save(withPnr, false).ok()).isTrue();
    }

    @Test
    void aSeriousLexSarahWalksTheWholeWorkflow() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft(), false).value();
        d = svc.transition(d, DeviationStatus.UTREDNING).value();
        assertThat(d.status()).isEqualTo(DeviationStatus.UTREDNING);

        var blocked = svc.transition(d, DeviationStatus.BEDOMD);
        assertThat(blocked.ok()).isFalse();
        assertThat(ctx.deviations().find(d.id()).orElseThrow().status()).isEqualTo(DeviationStatus.UTREDNING);

        long cause = ctx.taxonomies().list(TaxonomyKind.CAUSE).getFirst().id();
        Deviation investigated = new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(),
                d.status(), d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), null, d.reporterRole(), d.title(),
                d.description(), d.immediateActions(), "Två medarbetare bekräftar händelsen.", "Stress vid måltid",
                List.of(cause), Assessment.MISSFORHALLANDE, true, null, null, null, null);
        var assessedDates = new se.kvalitetshjulet.data.repo.BoardFiguresRepository(ctx.database());
        assertThat(assessedDates.assessedOn(d.id())).isEmpty();
        d = svc.transition(investigated, DeviationStatus.BEDOMD).value();
        assertThat(d.causeIds()).containsExactly(cause);
        assertThat(assessedDates.assessedOn(d.id())).as("the decision date the board counts by").contains(TestDb.TODAY);

        assertThat(svc.transition(d, DeviationStatus.ATGARDAD).problems()).extracting(Problem::messageKey)
                .containsExactly("deviation.validation.measuresRequired");
        long type = ctx.taxonomies().list(TaxonomyKind.MEASURE_TYPE).getFirst().id();
        Measure m = svc.saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, d.id(), d.unitId(), "Utbildning i bemötande",
                type, "Enhetschef", TestDb.TODAY.plusDays(30), null, null, null)).value();
        d = svc.transition(d, DeviationStatus.ATGARDAD).value();

        assertThat(svc.transition(d, DeviationStatus.AVSLUTAD).problems()).extracting(Problem::messageKey)
                .contains("deviation.validation.measureNotDone", "deviation.validation.ivoRequired");
        svc.saveMeasure(new Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(), m.what(), m.measureTypeId(),
                m.responsible(), m.dueOn(), TestDb.TODAY, "Följt upp efter en månad: inga nya händelser.", true));
        Deviation reported = new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), null, d.reporterRole(), d.title(),
                d.description(), d.immediateActions(), d.facts(), d.causeText(), d.causeIds(), d.assessment(), true,
                TestDb.TODAY, "IVO 3.5.1-12345/2026", null, null,
                new se.kvalitetshjulet.domain.deviation.IvoDetails(
                        se.kvalitetshjulet.domain.deviation.IvoDetails.Notifier.SAS, "SAS", "", null));
        Deviation closed = svc.transition(reported, DeviationStatus.AVSLUTAD).value();
        assertThat(closed.status()).isEqualTo(DeviationStatus.AVSLUTAD);
        assertThat(closed.closedOn()).isEqualTo(TestDb.TODAY);
        assertThat(ctx.audit().history("deviation", d.id()).size()).isGreaterThanOrEqualTo(5);
        assertThat(assessedDates.assessedOn(d.id())).contains(TestDb.TODAY);

        // Reopened to be investigated again: not assessed until it is, and then on the new day.
        Deviation reopened = svc.stepBack(closed, DeviationStatus.UTREDNING, "Ny uppgift från anhörig").value();
        assertThat(reopened.status()).isEqualTo(DeviationStatus.UTREDNING);
        assertThat(assessedDates.assessedOn(d.id())).isEmpty();
    }
}
