package se.kvalitetshjulet.service;

import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.audit.AuditBreak;
import se.kvalitetshjulet.domain.audit.AuditChange;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.audit.Actor;
import se.kvalitetshjulet.data.repo.AuditTrail;
import se.kvalitetshjulet.data.repo.TaxonomyRepository;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.privacy.PrivacyPolicy;

/** Reopen guard, audit completeness, actor and clock, masking and the lagrum default on a real database. */
class RecordTrailTest {
    @TempDir
    Path dir;
    AppContext ctx;
    Unit larkan;
    long category;

    @BeforeEach
    void setUp() {
        ctx = TestDb.open(dir);
        Long lss = ctx.organisation().businessAreas().stream().filter(a -> a.code().equals("LSS")).findFirst()
                .orElseThrow().id();
        Unit adm = ctx.units().save(new Unit(null, null, "Förvaltningen", OrgLevel.FORVALTNING, null, ProviderKind.KOMMUNAL,
                null, null, null));
        larkan = ctx.units().save(new Unit(null, adm.id(), "Gruppbostad Lärkan", OrgLevel.ENHET, lss, ProviderKind.KOMMUNAL,
                null, null, null));
        category = ctx.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
    }

    @AfterEach
    void tearDown() {
        ctx.close();
    }

    private Deviation draft(String description) {
        return new Deviation(null, null, DeviationKind.LEX_SARAH, Law.LSS, larkan.id(), category,
                DeviationStatus.REGISTRERAD, TestDb.TODAY, TestDb.TODAY, TestDb.TODAY, null, null, "Stödassistent",
                "Kränkande bemötande", description, "Samtal med personalen samma dag.", "", "", List.of(), null, false,
                null, null, null, null);
    }

    private Deviation with(Deviation d, DeviationStatus status, String description, List<Long> causes) {
        return new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), status, d.occurredOn(),
                d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(), d.title(), description,
                d.immediateActions(), d.facts(), d.causeText(), causes, d.assessment(), d.serious(), d.ivoReportedOn(),
                d.ivoReference(), d.externalSource(), d.externalId(), d.ivoDetails());
    }

    private int rows(long id) {
        return ctx.audit().history("deviation", id).size();
    }

    @Test
    void aClosedCaseReopensOnlyWithAReasonThatIsKeptInTheAuditRow() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft("Personal höjde rösten."), false).value();
        Deviation closed = ctx.deviations().save(with(d, DeviationStatus.AVSLUTAD, d.description(), List.of())
                .withStatus(DeviationStatus.AVSLUTAD, TestDb.TODAY.minusDays(1)));
        int before = rows(d.id());

        assertThat(svc.transition(closed, DeviationStatus.UTREDNING).problems()).extracting(Problem::messageKey)
                .contains("deviation.validation.stepBackNeedsReason");
        assertThat(svc.stepBack(closed, DeviationStatus.UTREDNING, "").problems()).extracting(Problem::messageKey)
                .containsExactly("deviation.validation.reopenReasonRequired");
        // Nor can an ordinary save move it: the status changes only through a step.
        assertThat(svc.save(with(closed, DeviationStatus.UTREDNING, closed.description(), List.of()), false).problems())
                .extracting(Problem::messageKey).contains("deviation.validation.statusChangedElsewhere");
        assertThat(ctx.deviations().find(d.id()).orElseThrow().status()).isEqualTo(DeviationStatus.AVSLUTAD);
        assertThat(rows(d.id())).isEqualTo(before);

        Deviation reopened = svc.stepBack(closed, DeviationStatus.UTREDNING, "Närstående har lämnat nya uppgifter").value();
        assertThat(reopened.status()).isEqualTo(DeviationStatus.UTREDNING);
        assertThat(reopened.closedOn()).isNull();
        assertThat(reopened.overdue(TestDb.TODAY)).as("a reopened case gets a new deadline").isFalse();
        AuditEntry last = ctx.audit().history("deviation", d.id()).getFirst();
        assertThat(rows(d.id())).isEqualTo(before + 1);
        assertThat(last.reason()).isEqualTo("Närstående har lämnat nya uppgifter");
        assertThat(last.changes()).extracting(AuditChange::field).contains("status", "closed_on");
    }

    @Test
    void oneAuditRowPerChangeIncludingCausesOnlyAndNoneWithoutAChange() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft("Personal höjde rösten."), false).value();
        assertThat(rows(d.id())).isEqualTo(1);

        svc.save(d, false);
        assertThat(rows(d.id())).as("a save that changed nothing").isEqualTo(1);

        long cause = ctx.taxonomies().list(TaxonomyKind.CAUSE).getFirst().id();
        Deviation withCause = svc.save(with(d, d.status(), d.description(), List.of(cause)), false).value();
        assertThat(rows(d.id())).as("only the causes changed").isEqualTo(2);
        assertThat(ctx.audit().history("deviation", d.id()).getFirst().changes()).singleElement()
                .satisfies(c -> assertThat(c.field()).isEqualTo("causes"));

        Deviation other = svc.save(draft("En annan händelse."), false).value();
        svc.link(withCause.id(), other.caseRef(), "RELATED");
        assertThat(rows(d.id())).isEqualTo(3);
        svc.link(withCause.id(), other.caseRef(), "RELATED");
        assertThat(rows(d.id())).as("a link that changed nothing").isEqualTo(3);

        // Measures (children in the shared action table): one row per real change, none for a no-op save.
        long type = ctx.taxonomies().list(TaxonomyKind.MEASURE_TYPE).getFirst().id();
        var m = svc.saveMeasure(new se.kvalitetshjulet.domain.deviation.Measure(null,
                se.kvalitetshjulet.domain.deviation.Measure.SOURCE_DEVIATION, d.id(), d.unitId(), "Samtal i arbetsgruppen",
                type, "Enhetschef", TestDb.TODAY.plusDays(14), null, null, null)).value();
        int measureRows = ctx.audit().history("action_item", m.id()).size();
        assertThat(measureRows).isEqualTo(1);
        svc.saveMeasure(m);
        assertThat(ctx.audit().history("action_item", m.id())).hasSize(1);
        svc.saveMeasure(new se.kvalitetshjulet.domain.deviation.Measure(m.id(), m.sourceType(), m.sourceId(), m.unitId(),
                m.what(), m.measureTypeId(), m.responsible(), m.dueOn(), TestDb.TODAY, null, null));
        assertThat(ctx.audit().history("action_item", m.id())).hasSize(2);
        svc.deleteMeasure(m.id());
        assertThat(ctx.audit().history("action_item", m.id())).hasSize(3);
        assertThat(ctx.audit().verify().intact()).isTrue();
    }

    @Test
    void theActorIsMyNameFromSettingsAndTheTimeHasItsOffset() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft("Personal höjde rösten."), false).value();
        AuditEntry first = ctx.audit().history("deviation", d.id()).getFirst();
        assertThat(first.actorSource()).isEqualTo(Actor.SOURCE_OS);
        assertThat(first.atText()).isEqualTo("2026-11-23T10:00:00+01:00");

        var values = ctx.settingsService().load();
        ctx.settingsService().save(new SettingsService.Values("Anna Berg", values.policy(), null, 7));
        svc.save(with(d, d.status(), "Personal höjde rösten vid lunch.", List.of()), false);
        AuditEntry changed = ctx.audit().history("deviation", d.id()).getFirst();
        assertThat(changed.actor()).isEqualTo("Anna Berg");
        assertThat(changed.actorSource()).isEqualTo(Actor.SOURCE_CHOSEN);
    }

    @Test
    void aRemovedIdentityNumberOrNameIsNotReadableInTheHistory() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft("Brukaren 19121212-1212 (Anna Svensson) föll."), false).value();
        svc.save(with(d, d.status(), "Brukaren föll.", List.of()), false);
        for (AuditEntry e : ctx.audit().history("deviation", d.id())) {
            assertThat(e.beforeJson() + e.afterJson()).doesNotContain("1212-1212", "Anna Svensson", "Svensson");
        }
        AuditEntry change = ctx.audit().history("deviation", d.id()).getFirst();
        assertThat(change.changes()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("description");
            assertThat(c.before().toString()).contains("[personnummer borttaget]", "[namn borttaget]");
        });
    }

    @Test
    void refusePolicyBlocksSavingAndWarnPolicyLetsTheScreenAsk() {
        var svc = ctx.deviationService();
        Deviation withName = draft("Anna Svensson föll i badrummet.");
        assertThat(svc.privacyFindings(withName)).isNotEmpty();
        ctx.privacy().savePolicy(PrivacyPolicy.warnEverywhere().with(PrivacyPolicy.TextKind.DEVIATION,
                PrivacyPolicy.Mode.REFUSE));
        var refused = svc.save(withName, false);
        assertThat(refused.problems()).extracting(Problem::messageKey).containsExactly("privacy.refused");
        assertThat(refused.problems().getFirst().args()).anySatisfy(a -> assertThat(a.toString()).contains("Anna Svensson"));
        ctx.privacy().savePolicy(PrivacyPolicy.warnEverywhere());
        assertThat(svc.save(withName, false).ok()).isTrue();
    }

    @Test
    void aNewDeviationsLawComesFromTheUnitAndAMismatchIsPointedOut() {
        var svc = ctx.deviationService();
        assertThat(svc.defaultLaw(DeviationKind.LEX_SARAH, larkan.id())).isEqualTo(Law.LSS);
        assertThat(svc.lawWarning(draft("x").withLaw(Law.SOL))).map(Problem::messageKey)
                .contains("deviation.warning.lawNotLssInLssUnit");
        assertThat(svc.lawWarning(draft("x"))).isEmpty();
    }

    @Test
    void theChainVerifiesAndAnEditOutsideTheAppIsFound() {
        var svc = ctx.deviationService();
        Deviation d = svc.save(draft("Personal höjde rösten."), false).value();
        svc.save(with(d, d.status(), "Personal höjde rösten vid lunch.", List.of()), false);
        assertThat(ctx.audit().verify().intact()).isTrue();
        ctx.database().dsl().execute("UPDATE audit_log SET actor = 'Någon annan' WHERE id = (SELECT MIN(id) FROM audit_log)");
        var v = ctx.audit().verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.breaks()).extracting(AuditBreak::problem).anyMatch(p -> p.contains("ändrats i efterhand"));
    }
}
