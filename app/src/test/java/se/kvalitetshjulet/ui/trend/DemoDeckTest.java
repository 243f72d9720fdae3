package se.kvalitetshjulet.ui.trend;

import se.kvalitetshjulet.ui.shell.FeatureContexts;
import se.kvalitetshjulet.domain.trend.ChartData;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.domain.trend.ChartDeck;
import se.kvalitetshjulet.domain.trend.ChartKind;
import se.kvalitetshjulet.ui.RecordingDialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.SyncTaskRunner;

/** The demo's decks: every chart reads back through the stored settings format and draws with data. */
class DemoDeckTest {
    @TempDir
    static Path dir;
    static AppContext ctx;

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private List<ChartData> load(Long council) {
        RecordingDialogService dialogs = new RecordingDialogService();
        TrendViewModel vm = new TrendViewModel(FeatureContexts.trend(ctx), new SyncTaskRunner(), dialogs, new I18n(Locale.of("sv")));
        List<ChartData> charts = new ArrayList<>();
        vm.loadDeck(council, charts::addAll);
        assertThat(dialogs.unexpected).isEmpty();
        return charts;
    }

    @Test
    void theDefaultDeckShowsSixChartsOfDifferentKindsAllWithData() {
        List<ChartData> charts = load(null);
        assertThat(charts).extracting(ChartData::kind).containsExactly(ChartKind.TREND, ChartKind.TREND,
                ChartKind.PARETO_CATEGORIES, ChartKind.ACTIONS, ChartKind.SELF_CHECK_COMPLIANCE, ChartKind.RISK_MATRIX);
        assertThat(charts.getFirst().title()).isEqualTo("Alla avvikelser per månad");
        assertThat(charts).allSatisfy(c -> assertThat(c.points().isEmpty() && c.matrix() == null)
                .as(c.title() + ": " + c.explanations()).isFalse());
        ChartData falls = charts.get(1);
        assertThat(falls.title()).isEqualTo("Fall på Avdelning Linden per 1 000 vårddygn");
        assertThat(falls.markers()).as("the shift is annotated").isNotEmpty();
        assertThat(falls.points()).hasSize(35 + 1);
        // Limits frozen before the shift: the months after it are outside them, and the chart says so.
        assertThat(falls.signal()).isTrue();
        assertThat(falls.points().stream().filter(ChartData.Point::outside).count()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aCouncilOpensItsOwnDeck() {
        Unit solbacken = ctx.units().findAll().stream().filter(u -> u.name().equals("Solbackens vård- och omsorgsboende"))
                .findFirst().orElseThrow();
        assertThat(ctx.savedFilters().inOrder(ChartDeck.screen(solbacken.id()))).hasSize(4);
        List<ChartData> charts = load(solbacken.id());
        assertThat(charts).hasSize(4);
        assertThat(charts).extracting(ChartData::kind).containsExactly(ChartKind.TREND, ChartKind.TREND,
                ChartKind.PARETO_CAUSES, ChartKind.ACTIONS);
        assertThat(charts).allSatisfy(c -> assertThat(c.points()).as(c.title() + ": " + c.explanations()).isNotEmpty());
    }
}
