package se.kvalitetshjulet.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.TestPostgres;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.app.DatabaseOpening;
import se.kvalitetshjulet.data.repo.ServerAccess;
import se.kvalitetshjulet.domain.deviation.Deviation;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.deviation.DeviationSort;
import se.kvalitetshjulet.domain.deviation.TaxonomyKind;
import se.kvalitetshjulet.domain.org.AccessRole;
import se.kvalitetshjulet.domain.org.OrgLevel;
import se.kvalitetshjulet.domain.org.ProviderKind;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;
import se.kvalitetshjulet.ui.home.HomeViewModel;
import se.kvalitetshjulet.ui.trend.TrendViewModel;

/**
 * The läsare/nämnd screens (issue 15): a board member logs in with their own läsare login (no SELECT on any case
 * table) and opens the app: the navigation offers the aggregate screens only, the home screen counts their units'
 * deviations, the trend chart is drawn, and no query is refused (no error dialog), while no free text reaches them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LasareScreensTest {
    final TestPostgres pg = TestPostgres.get();
    final I18n sv = new I18n(Locale.of("sv"));
    AppContext admin;
    AppContext board;
    long norr;

    @BeforeAll
    void setUp() {
        admin = TestDb.open(TestDb.Engine.POSTGRESQL, null);
        String database = admin.database().describe().substring(admin.database().describe().lastIndexOf('/') + 1);
        norr = admin.units().save(new Unit(null, null, "Hemtjänst Norr", OrgLevel.ENHET, null, ProviderKind.KOMMUNAL,
                null, null, null)).id();
        long soder = admin.units().save(new Unit(null, null, "Hemtjänst Söder", OrgLevel.ENHET, null,
                ProviderKind.KOMMUNAL, null, null, null)).id();
        register(norr, DeviationKind.KVALITETSAVVIKELSE, "Eva föll i hallen");
        register(norr, DeviationKind.KVALITETSAVVIKELSE, "glömd insats hos Karl");
        register(norr, DeviationKind.LEX_SARAH, "Brukaren Olle blev illa bemött");
        register(soder, DeviationKind.KVALITETSAVVIKELSE, "fel dos");
        String login = "namnd_" + database.replace("kvh_test_", "");
        ServerAccess access = new ServerAccess(admin.database(), admin.audit());
        access.createLogin(login, "pw-" + login);
        access.grant(login, AccessRole.LASARE, norr);
        board = DatabaseOpening.openServer(pg.url(login, database), "pw-" + login, Clock.systemDefaultZone());
    }

    private void register(long unit, DeviationKind kind, String title) {
        Deviation d = Deviation.newDraft(kind, unit, TestDb.TODAY);
        d = new Deviation(null, null, d.kind(), d.law(), d.unitId(),
                admin.taxonomies().list(TaxonomyKind.CATEGORY).getFirst().id(), d.status(), d.occurredOn(),
                d.reportedOn(), d.registeredOn(), null, null, "undersköterska", title, "Det hände hemma hos brukaren.",
                "", "", "", List.of(), null, kind == DeviationKind.LEX_SARAH, null, null, null, null);
        assertThat(admin.deviationService().save(d, false).ok()).isTrue();
    }

    @AfterAll
    void tearDown() {
        board.close();
        admin.close();
    }

    @Test
    void theNavigationOffersTheAggregateScreensOnly() {
        assertThat(board.access().roles()).containsExactly(AccessRole.LASARE);
        assertThat(board.access().aggregatesOnly()).isTrue();
        assertThat(RoleNavigation.sections(board.access()))
                .containsExactly(Section.HOME, Section.TRENDS, Section.KEYFIGURES, Section.SETTINGS);
        // the person who set the server up sees everything
        assertThat(RoleNavigation.sections(admin.access())).isEqualTo(EnumSet.allOf(Section.class));
    }

    @Test
    void theHomeScreenCountsTheirUnitsWithoutAnErrorDialog() {
        RecordingDialogService dialogs = new RecordingDialogService();
        HomeViewModel home = new HomeViewModel(FeatureContexts.home(board), new SyncTaskRunner(), dialogs, sv);
        home.showAggregatesOnly();
        home.load();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(dialogs.errors).isEmpty();
        assertThat(home.lastThirtyDaysProperty().get()).isEqualTo(3); // Norr's three, not Söder's
        assertThat(home.openSeriousProperty().get()).isEqualTo(1);
        assertThat(home.mostOverdue()).isEmpty();
        assertThat(home.myOverdue()).isEmpty();
    }

    @Test
    void noFreeTextReachesALasare() {
        List<DeviationRow> rows = board.deviationService().search(DeviationFilter.all(), DeviationSort.REGISTERED_ON,
                false, 0, 50).rows();
        assertThat(rows).hasSize(3).allSatisfy(r -> assertThat(r.title()).isNull());
        assertThat(rows).extracting(DeviationRow::unitName).containsOnly("Hemtjänst Norr");
    }

    @Test
    void theTrendChartIsDrawnFromTheirUnitsWithoutAnErrorDialog() {
        RecordingDialogService dialogs = new RecordingDialogService();
        TrendViewModel trends = new TrendViewModel(FeatureContexts.trend(board), new SyncTaskRunner(), dialogs, sv);
        trends.refresh();
        assertThat(dialogs.unexpected).isEmpty();
        assertThat(trends.chartProperty().get()).isNotNull();
        assertThat(trends.chartProperty().get().points().stream().mapToDouble(p -> p.value()).sum()).isEqualTo(3);
    }
}
