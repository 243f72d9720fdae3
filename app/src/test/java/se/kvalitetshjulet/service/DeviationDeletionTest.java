package se.kvalitetshjulet.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.RollupRepository;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.audit.AuditEntry;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisLevel;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskTemplate;

/**
 * Deleting a deviation registered by mistake (decision 0035), on both engines: only with a reason; the case, its
 * causes and measures are gone and no longer counted (register, roll-ups as {@code check} counts them); the audit
 * trail keeps the deleted record and the reason, the case that linked to it is told, and the chain verifies. A case
 * reported to IVO or in an event analysis is not deleted; a stale read is refused. On a server only the quality
 * coordinator may delete: a section chief is refused by the program and by the database.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class DeviationDeletionTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;

    AppContext admin;
    long unit;
    long category;

    @BeforeEach
    void setUp() {
        admin = TestDb.open(engine, dir);
        unit = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        category = admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
    }

    @AfterEach
    void tearDown() {
        admin.close();
    }

    private Deviation register(AppContext ctx, String title) {
        Deviation d = Deviation.newDraft(DeviationKind.KVALITETSAVVIKELSE, unit, TestDb.TODAY);
        long cause = ctx.taxonomies().list(TaxonomyKind.CAUSE).getFirst().id();
        var saved = ctx.deviationService().save(new Deviation(null, null, d.kind(), d.law(), d.unitId(), category,
                d.status(), d.occurredOn(), d.reportedOn(), d.registeredOn(), null, null, "Undersköterska", title,
                "Dörren var olåst.", "", "", "", List.of(cause), null, false, null, null, null, null), false);
        assertThat(saved.problems()).isEmpty();
        return saved.value();
    }

    private long version(long id) {
        return admin.deviations().version(id);
    }

    private static List<String> keys(SaveResult<?> r) {
        return r.problems().stream().map(Problem::messageKey).toList();
    }

    @Test
    void aDuplicateIsDeletedWithItsMeasuresAndTheTrailKeepsWhatWasDeleted() {
        Deviation original = register(admin, "Olåst dörr till medicinrummet");
        Deviation duplicate = register(admin, "Olåst dörr till medicinrummet (dubblett)");
        for (int i = 0; i < 2; i++) {
            assertThat(admin.deviationService().saveMeasure(new Measure(null, Measure.SOURCE_DEVIATION, duplicate.id(),
                    unit, "Byt lås " + i, null, "Eva", TestDb.TODAY.plusDays(10), null, null, null)).ok()).isTrue();
        }
        assertThat(admin.deviationService().link(original.id(), duplicate.caseRef(), "DUPLICATE").ok()).isTrue();
        long register = admin.deviations().count(DeviationFilter.all(), TestDb.TODAY);

        assertThat(keys(admin.deviationService().delete(duplicate.id(), version(duplicate.id()), " ")))
                .containsExactly("h4.delete.validation.reasonMissing");
        assertThat(admin.deviations().find(duplicate.id())).as("nothing deleted without a reason").isPresent();

        var deleted = admin.deviationService().delete(duplicate.id(), version(duplicate.id()),
                "Dubblett av " + original.caseRef());
        assertThat(deleted.problems()).isEmpty();
        assertThat(deleted.value()).as("measures deleted with it").isEqualTo(2);
        assertThat(admin.deviations().find(duplicate.id())).isEmpty();
        assertThat(admin.deviationService().measures(duplicate.id())).isEmpty();
        assertThat(admin.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(register - 1);
        assertThat(admin.deviationService().links(original.id())).isEmpty();

        List<AuditEntry> trail = admin.audit().history("deviation", duplicate.id());
        AuditEntry last = trail.getFirst(); // newest first
        assertThat(last.action()).isEqualTo("DELETE");
        assertThat(last.reason()).isEqualTo("Dubblett av " + original.caseRef());
        assertThat(last.beforeJson()).contains("Olåst dörr till medicinrummet (dubblett)", duplicate.caseRef(), "causes");
        assertThat(admin.audit().history("deviation", original.id()).getFirst().beforeJson())
                .as("the case that linked to it is told").contains(duplicate.caseRef());
        assertThat(admin.audit().verify().breaks()).isEmpty();
        RollupRepository rollups = new RollupRepository(admin.database(), admin.audit());
        if (rollups.kept()) {
            assertThat(rollups.verify().exact()).as("the roll-ups count as check does").isTrue();
        }
    }

    @Test
    void aCaseReportedToIvoOrInAnEventAnalysisIsKeptAndAStaleReadIsRefused() {
        Deviation reported = register(admin, "Fallolycka");
        Deviation analysed = register(admin, "Läkemedel gavs fel tid");
        Deviation edited = register(admin, "Missad insats");
        admin.database().dsl().update(se.kvalitetshjulet.data.jooq.Tables.DEVIATION)
                .set(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.IVO_REPORTED_ON, TestDb.TODAY)
                .where(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.ID.eq(reported.id())).execute();
        RiskTemplate event = admin.riskService().templates().stream().filter(t -> t.kind() == AnalysisKind.HANDELSEANALYS)
                .findFirst().orElseThrow();
        RiskAnalysis draft = RiskAnalysis.newDraft(event, unit, TestDb.TODAY);
        assertThat(admin.riskService().save(new RiskAnalysis(null, event.id(), event.kind(), AnalysisStatus.UTKAST,
                "Fel tid", AnalysisLevel.ENHET, unit, null, TestDb.TODAY, "", "", "", "", null, null, null, null,
                List.of(), draft.steps(), List.of(), List.of(), List.of(analysed.id())), false).ok()).isTrue();

        assertThat(keys(admin.deviationService().delete(reported.id(), version(reported.id()), "Fel enhet vald")))
                .containsExactly("h4.delete.validation.ivoReported");
        assertThat(keys(admin.deviationService().delete(analysed.id(), version(analysed.id()), "Fel enhet vald")))
                .containsExactly("h4.delete.validation.inEventAnalysis");
        long read = version(edited.id());
        var theirs = admin.deviationService().openForEdit(edited.id()).orElseThrow();
        Deviation t = theirs.value();
        admin.deviationService().save(new Deviation(t.id(), t.caseRef(), t.kind(), t.law(), t.unitId(), t.categoryId(),
                t.status(), t.occurredOn(), t.reportedOn(), t.registeredOn(), t.dueOn(), t.closedOn(), t.reporterRole(),
                "Missad insats på kvällen", t.description(), t.immediateActions(), t.facts(), t.causeText(),
                t.causeIds(), t.assessment(), t.serious(), t.ivoReportedOn(), t.ivoReference(), t.externalSource(),
                t.externalId()), false, theirs.version());
        assertThatThrownBy(() -> admin.deviationService().delete(edited.id(), read, "Fel enhet vald"))
                .isInstanceOf(RecordChangedException.class);
        assertThat(admin.deviations().find(reported.id())).isPresent();
        assertThat(admin.deviations().find(analysed.id())).isPresent();
        assertThat(admin.deviations().find(edited.id())).isPresent();
    }

    @Test
    void onAServerOnlyTheQualityCoordinatorMayDelete() throws Exception {
        if (engine == TestDb.Engine.SQLITE) {
            // a local file is one person's: whoever opens it may delete (with a reason)
            assertThat(admin.deviationService().mayDelete()).isTrue();
            return;
        }
        TestPostgres pg = TestPostgres.get();
        String url = admin.database().describe();
        String database = url.substring(url.lastIndexOf('/') + 1);
        String suffix = database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        String chef = "chef_" + suffix;
        String kvu = "kvu_" + suffix;
        access.createLogin(chef, "pw-" + chef);
        access.grant(chef, AccessRole.SEKTIONSCHEF, unit);
        access.createLogin(kvu, "pw-" + kvu);
        access.grant(kvu, AccessRole.KVALITETSUTVECKLARE, unit);
        pg.rememberPassword(chef, "pw-" + chef);
        pg.rememberPassword(kvu, "pw-" + kvu);
        try (AppContext asChef = new AppContext(Database.open(pg.url(chef, database)), TestDb.clock());
             AppContext asKvu = new AppContext(Database.open(pg.url(kvu, database)), TestDb.clock())) {
            Deviation mine = register(asChef, "Registrerad två gånger");
            assertThat(asChef.deviationService().mayDelete()).isFalse();
            assertThat(keys(asChef.deviationService().delete(mine.id(), version(mine.id()), "Dubblett")))
                    .containsExactly("h4.delete.validation.notAllowed");
            try (Connection c = pg.as(chef, "pw-" + chef, database); Statement st = c.createStatement()) {
                assertThatThrownBy(() -> st.executeUpdate("DELETE FROM deviation WHERE id = " + mine.id()))
                        .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            }
            assertThat(asKvu.deviationService().mayDelete()).isTrue();
            assertThat(asKvu.deviationService().delete(mine.id(), version(mine.id()), "Dubblett").problems()).isEmpty();
            assertThat(admin.deviations().find(mine.id())).isEmpty();
            AuditEntry last = admin.audit().history("deviation", mine.id()).getFirst(); // newest first
            assertThat(last.action()).isEqualTo("DELETE");
            assertThat(last.actor()).isEqualTo(kvu);
            var al = se.kvalitetshjulet.data.jooq.Tables.AUDIT_LOG;
            assertThat(admin.database().dsl().fetchCount(al, al.REASON.like("skriven av databasen%")))
                    .as("the program wrote every row itself").isZero();
        }
        assertThat(admin.audit().verify().breaks()).isEmpty();
    }
}
