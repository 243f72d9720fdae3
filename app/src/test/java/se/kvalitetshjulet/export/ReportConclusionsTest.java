package se.kvalitetshjulet.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.trend.ChartData;
import se.kvalitetshjulet.service.ChartTexts;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;

/**
 * The tertial report and the kvalitetsberättelse carry the run and control charts the chart screen builds, each with
 * the sentence drafted from its signals — the demo's fall shift on Avdelning Linden reads "… försämring — …" — and
 * the author's own sentence replaces the draft once written and saved with the report texts.
 */
class ReportConclusionsTest {
    private static final String FALLS = "Fall på Avdelning Linden per 1 000 vårddygn";
    private static final String KEY = "deck." + FALLS;
    private static final int YEAR = TestDb.TODAY.getYear();

    @TempDir
    static Path dir;
    private static AppContext ctx;

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
    }

    @AfterAll
    static void close() {
        ctx.close();
    }

    private static ReportModel build(ReportKind kind, int year, int tertial) {
        return ctx.reports().build(new ReportService.Request(kind, year, tertial, null, false, null), ctx.today(),
                (f, w) -> { }, () -> false);
    }

    private static String docxText(ReportModel m, String name) throws Exception {
        Path out = dir.resolve(name);
        ctx.reportExporter(Locale.of("sv")).write(m, ReportFormat.DOCX, out, () -> false);
        try (InputStream in = Files.newInputStream(out); XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText();
        }
    }

    private static ReportModel.ChartConclusion falls(ReportModel m) {
        return m.conclusions().stream().filter(c -> c.key().equals(KEY)).findFirst().orElseThrow();
    }

    @Test
    void theTertialReportHasTheDeckFallChartWithItsDraftedConclusion() throws Exception {
        ReportModel m = build(ReportKind.TERTIAL, YEAR, 3);
        ReportModel.ChartConclusion fall = falls(m);
        assertThat(fall.chart().spc().variation().concern()).isTrue();
        assertThat(fall.drafted()).startsWith(FALLS + ": försämring — ").contains("perioder i rad över");
        assertThat(fall.edited()).isNull();
        // The same chart, point for point, as the chart builder makes for the screen and the deck.
        ChartData deck = ctx.chartBuilder(ChartTexts.forLocale(Locale.of("sv"))).deck(null, null).stream()
                .filter(c -> c.title().equals(FALLS)).findFirst().orElseThrow();
        assertThat(fall.chart().points()).isEqualTo(deck.points());
        assertThat(fall.chart().spc().request()).isEqualTo(deck.spc().request());
        // A run or control chart of all deviations is always there; every chart the report has is a run or control chart.
        assertThat(m.conclusions()).anyMatch(c -> c.key().equals("all"));
        assertThat(m.conclusions()).allMatch(c -> c.chart().spc() != null);

        String text = docxText(m, "tertial.docx");
        assertThat(text).contains("Diagram med slutsatser", fall.drafted());
        ReportModel.ChartConclusion all = m.conclusions().stream().filter(c -> c.key().equals("all")).findFirst()
                .orElseThrow();
        assertThat(text).contains(all.drafted());
    }

    @Test
    void theKvalitetsberattelseHasItToo() throws Exception {
        ReportModel m = build(ReportKind.ANNUAL, YEAR - 1, 0);
        ReportModel.ChartConclusion fall = falls(m);
        // The annual report ends its charts with its year: nothing after December is drawn.
        assertThat(fall.chart().points().getLast().label()).isEqualTo((YEAR - 1) + "-12");
        assertThat(fall.drafted()).startsWith(FALLS + ": försämring — ");
        assertThat(docxText(m, "annual.docx")).contains(fall.drafted());
    }

    @Test
    void theAuthorsSentenceReplacesTheDraftAndIsSavedWithTheTexts() throws Exception {
        String mine = "Fallen på Avdelning Linden har ökat sedan mars; en åtgärdsplan är beslutad.";
        ReportTexts before = ctx.reports().texts(YEAR, 2, null);
        ctx.reports().saveTexts(before.withConclusions(Map.of(KEY, mine + "\n")));
        assertThat(ctx.reports().texts(YEAR, 2, null).conclusion(KEY)).isEqualTo(mine);
        // The other texts of the period are untouched, and the sentence is privacy-checked with them.
        assertThat(ctx.reports().texts(YEAR, 2, null).freeTexts()).contains(mine);

        ReportModel m = build(ReportKind.TERTIAL, YEAR, 2);
        ReportModel.ChartConclusion fall = falls(m);
        assertThat(fall.edited()).isEqualTo(mine);
        assertThat(fall.text()).isEqualTo(mine);
        String text = docxText(m, "tertial-edited.docx");
        assertThat(text).contains(mine).doesNotContain(fall.drafted());

        // Emptying it brings the draft back.
        ctx.reports().saveTexts(ctx.reports().texts(YEAR, 2, null).withConclusions(Map.of(KEY, "  ")));
        assertThat(ctx.reports().texts(YEAR, 2, null).conclusions()).isEmpty();
        assertThat(falls(build(ReportKind.TERTIAL, YEAR, 2)).text()).startsWith(FALLS + ": försämring — ");
    }
}
