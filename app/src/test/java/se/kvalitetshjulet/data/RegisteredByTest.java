package se.kvalitetshjulet.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
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
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;

/**
 * "Mina rapporterade avvikelser" (decision 0025): the register knows who registered each deviation and filters,
 * pages and counts by it in SQL, on the SQLite file and the PostgreSQL server alike; a later edit by someone else
 * does not change who registered it.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDb.Engine.class)
class RegisteredByTest {
    @Parameter
    TestDb.Engine engine;
    @TempDir
    Path dir;
    AppContext anna;
    AppContext bo;
    long unit;
    long category;

    @BeforeEach
    void setUp() {
        anna = TestDb.open(engine, dir);
        anna.actor().choose("Anna Lind");
        bo = new AppContext(Database.open(anna.database().describe()), TestDb.clock());
        bo.actor().choose("Bo Ek");
        unit = anna.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        category = anna.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id();
    }

    @AfterEach
    void tearDown() {
        bo.close();
        anna.close();
    }

    private long register(AppContext who, DeviationKind kind, String title) {
        Deviation d = Deviation.newDraft(kind, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(), category, d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", title, "det hände i går.", "", "", "",
                List.of(), null, false, null, null, null, null);
        var saved = who.deviationService().save(d, false);
        assertThat(saved.ok()).as("%s", saved.problems()).isTrue();
        return saved.value().id();
    }

    @Test
    void theRegisterFiltersPagesAndCountsWhatEachPersonRegistered() {
        for (int i = 0; i < 5; i++) {
            register(anna, DeviationKind.KVALITETSAVVIKELSE, "annas fall " + i);
        }
        register(anna, DeviationKind.HSL_AVVIKELSE, "annas läkemedelsfel");
        register(bo, DeviationKind.KVALITETSAVVIKELSE, "bos fall");
        register(bo, DeviationKind.HSL_AVVIKELSE, "bos läkemedelsfel");

        DeviationFilter annas = DeviationFilter.all().withRegisteredBy("Anna Lind");
        assertThat(anna.deviations().count(annas, TestDb.TODAY)).isEqualTo(6);
        assertThat(anna.deviationService().countRegisteredBy("Bo Ek")).isEqualTo(2);
        assertThat(anna.deviationService().countRegisteredBy("Cecilia")).isZero();
        assertThat(anna.deviations().count(DeviationFilter.all(), TestDb.TODAY)).isEqualTo(8);
        // a period (the kind of filter the roll-up counts answer otherwise) still counts only hers
        assertThat(anna.deviations().count(annas.withPeriod(TestDb.TODAY.minusYears(1), TestDb.TODAY), TestDb.TODAY))
                .isEqualTo(6);
        assertThat(anna.deviations().count(annas.withPeriod(TestDb.TODAY.withDayOfMonth(1).minusMonths(13),
                TestDb.TODAY.withDayOfMonth(1).minusDays(1)), TestDb.TODAY)).isZero();

        Page<DeviationRow> first = anna.deviations().search(annas, DeviationSort.REGISTERED_ON, false, 0, 4, TestDb.TODAY);
        Page<DeviationRow> second = anna.deviations().search(annas, DeviationSort.REGISTERED_ON, false, 1, 4, TestDb.TODAY);
        assertThat(first.total()).isEqualTo(6);
        assertThat(first.rows()).hasSize(4);
        assertThat(second.rows()).hasSize(2);
        assertThat(first.rows().stream().map(DeviationRow::title)).allMatch(t -> t.startsWith("annas"));
        assertThat(second.rows().stream().map(DeviationRow::title)).allMatch(t -> t.startsWith("annas"));

        // with the other filters
        DeviationFilter bosHsl = DeviationFilter.all().withKinds(EnumSet.of(DeviationKind.HSL_AVVIKELSE))
                .withRegisteredBy("Bo Ek");
        assertThat(bo.deviations().search(bosHsl, DeviationSort.REGISTERED_ON, false, 0, 10, TestDb.TODAY).rows())
                .extracting(DeviationRow::title).containsExactly("bos läkemedelsfel");
    }

    @Test
    void anEditBySomeoneElseLeavesWhoRegisteredIt() {
        long id = register(anna, DeviationKind.KVALITETSAVVIKELSE, "fall i badrummet");
        var read = bo.deviationService().openForEdit(id).orElseThrow();
        Deviation d = read.value();
        Deviation edited = new Deviation(d.id(), d.caseRef(), d.kind(), d.law(), d.unitId(), d.categoryId(), d.status(),
                d.occurredOn(), d.reportedOn(), d.registeredOn(), d.dueOn(), d.closedOn(), d.reporterRole(),
                "fall i badrummet på natten", d.description(), d.immediateActions(), d.facts(), d.causeText(),
                d.causeIds(), d.assessment(), d.serious(), d.ivoReportedOn(), d.ivoReference(), d.externalSource(),
                d.externalId());
        assertThat(bo.deviationService().save(edited, false, read.version()).ok()).isTrue();

        assertThat(anna.deviationService().countRegisteredBy("Anna Lind")).isEqualTo(1);
        assertThat(anna.deviationService().countRegisteredBy("Bo Ek")).isZero();
        // and it is the same name the audit trail's INSERT row carries
        var history = anna.audit().history("deviation", id);
        assertThat(history.getLast().action()).isEqualTo("INSERT");
        assertThat(history.getLast().actor()).isEqualTo("Anna Lind");
    }
}
