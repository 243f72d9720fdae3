package se.kvalitetshjulet.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import se.kvalitetshjulet.TestDb;
import se.kvalitetshjulet.app.AppContext;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.DeviationStatus;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.BusinessArea;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportFormat;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.report.ReportService;

/** Generates the reports over the demo municipality and reads them back: every number checked against the register. */
class ReportExportTest {
    private static final int YEAR = TestDb.TODAY.getYear() - 1;
    @TempDir
    static Path dir;
    private static AppContext ctx;
    private static Map<String, String> kindNames;

    @BeforeAll
    static void demo() {
        ctx = TestDb.demo(dir);
        kindNames = java.util.Arrays.stream(DeviationKind.values()).collect(Collectors.toMap(Enum::name,
                k -> java.util.ResourceBundle.getBundle("i18n.messages", Locale.of("sv"), java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString("enum.DeviationKind." + k.name())));
        ctx.reports().saveTexts(new ReportTexts(null, YEAR - 1, 0, null, "", "Stärka arbetet med fallprevention.", "",
                "", ""));
        ctx.reports().saveTexts(new ReportTexts(null, YEAR, 0, null, "Året präglades av arbetet med 19850101-1236.",
                "Digital signering av läkemedel.", "Fallpreventionen har införts på alla boenden.", "", ""));
    }

    private static long count(Set<Long> units, DeviationKind kind, Period p) {
        DeviationFilter f = DeviationFilter.all().withUnits(units).withPeriod(p.start(), p.end());
        if (kind != null) {
            f = f.withKinds(EnumSet.of(kind));
        }
        return ctx.deviations().count(f, ctx.today());
    }

    /** "210 (2024: 154, 2023: 120)" computed straight from the register. */
    private static String boardStyle(Set<Long> units, DeviationKind kind, Period p) {
        if (count(units, kind, p) + count(units, kind, p.yearsBefore(1)) + count(units, kind, p.yearsBefore(2)) == 0) {
            return "0";
        }
        return count(units, kind, p) + " (" + p.yearsBefore(1).year() + ": " + count(units, kind, p.yearsBefore(1))
                + ", " + p.yearsBefore(2).year() + ": " + count(units, kind, p.yearsBefore(2)) + ")";
    }

    private static String all(XWPFDocument doc) {
        return doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
    }

    private static ReportModel model(ReportKind kind, int tertial, Long unit) {
        BoardMeeting meeting = kind == ReportKind.BOARD ? new BoardMeeting(null, TestDb.TODAY.plusDays(20), "Socialnämnden", null) : null;
        return ctx.reports().build(new ReportService.Request(kind, kind == ReportKind.ANNUAL ? YEAR : TestDb.TODAY.getYear(),
                tertial, unit, false, meeting), ctx.today(), (f, w) -> { }, () -> false);
    }

    private static Path write(ReportModel m, ReportFormat f, String name) {
        Path out = dir.resolve(name);
        ctx.reportExporter(Locale.of("sv")).write(m, f, out, () -> false);
        return out;
    }

    @Test
    void annualDocxHasHeadingsContentsTablesChartsAndTheRegistersNumbers() throws Exception {
        // (how long it takes is bench's business, not a unit test's: the time depends on the machine's load)
        ReportModel m = model(ReportKind.ANNUAL, 0, null);
        Path docx = write(m, ReportFormat.DOCX, "annual.docx");
        Period p = Period.year(YEAR);
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> h1 = doc.getParagraphs().stream().filter(x -> "Heading1".equals(x.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            List<String> h2 = doc.getParagraphs().stream().filter(x -> "Heading2".equals(x.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(h1).contains("Sammanfattning", "Det systematiska förbättringsarbetet",
                    "Bilaga 1. Genomförda riskanalyser " + YEAR, "Bilaga 2. Genomförda egenkontroller " + YEAR,
                    "Prioriterade utvecklingsområden " + (YEAR + 1));
            assertThat(h2).contains("Avvikelser", "Riskanalyser", "Egenkontroller", "Mönster i avvikelser");
            assertThat(doc.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            String xml = doc.getDocument().xmlText();
            assertThat(xml).contains("w:instr=\"TOC \\o &quot;1-2&quot;");
            assertThat(doc.getFooterList().getFirst().getParagraphs().getFirst().getCTP().xmlText()).contains("PAGE");
            // one chart per kind, the P chart of follow-ups with a genomförandeplan (Uppföljning på aggregerad nivå),
            // and the run and control charts with conclusions: all deviations, kinds with a special cause, deck charts
            long withConclusions = m.conclusions().stream().filter(c -> !c.key().startsWith("kind.") || c.special())
                    .count();
            assertThat(withConclusions).isGreaterThanOrEqualTo(2);
            assertThat(doc.getAllPictures()).hasSize(DeviationKind.values().length + 1 + (int) withConclusions);
            for (var c : m.conclusions()) {
                if (!c.key().startsWith("kind.") || c.special()) {
                    assertThat(all(doc)).contains(c.text());
                }
            }
            assertThat(doc.getAllPictures().getFirst().getData().length).isGreaterThan(10_000);
            String all = doc.getParagraphs().stream().map(XWPFParagraph::getText).collect(Collectors.joining("\n"));
            assertThat(all).contains("Stärka arbetet med fallprevention.", "Fallpreventionen har införts på alla boenden.",
                    "Digital signering av läkemedel.", SafeCells.MASK).doesNotContain("19850101-1236");

            // The deviation table: every cell, per kind and verksamhetsområde, against the register.
            XWPFTable t = doc.getTables().stream().filter(x -> x.getRow(0).getCell(0).getText().equals("Typ")
                    && x.getRow(0).getTableCells().getLast().getText().equals("Totalt")).findFirst().orElseThrow();
            List<String> header = t.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
            int checked = 0;
            for (int r = 1; r <= DeviationKind.values().length; r++) {
                DeviationKind k = DeviationKind.values()[r - 1];
                assertThat(t.getRow(r).getCell(0).getText()).isEqualTo(kindNames.get(k.name()));
                for (int c = 1; c < header.size(); c++) {
                    Set<Long> units = unitsOf(header.get(c));
                    if (units == null && !header.get(c).equals("Totalt")) {
                        continue;
                    }
                    assertThat(t.getRow(r).getCell(c).getText()).as(k + " / " + header.get(c))
                            .isEqualTo(boardStyle(units, k, p));
                    checked++;
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(DeviationKind.values().length * 2);
            assertThat(t.getRow(DeviationKind.values().length + 1).getTableCells().getLast().getText())
                    .isEqualTo(boardStyle(null, null, p));

            // Bilaga 1 lists every decided risk analysis of the year.
            List<String> analyses = ctx.riskService().appendix(YEAR).stream().map(a -> SafeCells.maskIdentityNumbers(a.analysis())).toList();
            assertThat(analyses).isNotEmpty();
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining("\n"));
            assertThat(tables).contains(analyses);
            assertThat(m.risks().appendix()).hasSize(analyses.size());
        }
    }

    /** The unit ids of a verksamhetsområde named in a column header, or null when the header is no area. */
    private static Set<Long> unitsOf(String areaName) {
        return ctx.organisation().businessAreas().stream().filter(a -> a.name().equals(areaName)).findFirst()
                .map(BusinessArea::id).map(id -> ctx.organisation().unitScope(null, id)).orElse(null);
    }

    @Test
    void annualPdfTextCarriesTheNumbers() throws Exception {
        ReportModel m = model(ReportKind.ANNUAL, 0, null);
        Path pdf = write(m, ReportFormat.PDF, "annual.pdf");
        Period p = Period.year(YEAR);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isGreaterThan(3);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Kvalitetsberättelse " + YEAR, "Innehåll", "Sammanfattning",
                    "Bilaga 1. Genomförda riskanalyser " + YEAR, "Sida 1 av " + doc.getNumberOfPages());
            assertThat(text).contains("Lex Sarah-rapporter: " + boardStyle(null, DeviationKind.LEX_SARAH, p));
            assertThat(text).contains("Avvikelser totalt " + count(null, null, p));
            long decidedRisks = ctx.riskService().search(new se.kvalitetshjulet.domain.risk.RiskFilter(
                    se.kvalitetshjulet.domain.risk.AnalysisKind.RISKANALYS, null, null, null, YEAR, false)).stream()
                    .filter(r -> r.status() != se.kvalitetshjulet.domain.risk.AnalysisStatus.UTKAST).count();
            assertThat(text).contains("Riskanalyser " + YEAR + ": " + decidedRisks + ".");
            // IVO notifications by the day they were sent, as the board reads them (issue 21).
            long ivoSarah = ctx.database().dsl().selectCount().from(se.kvalitetshjulet.data.jooq.Tables.DEVIATION)
                    .where(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.KIND.eq("LEX_SARAH")
                            .and(se.kvalitetshjulet.data.jooq.Tables.DEVIATION.IVO_REPORTED_ON.between(p.start(), p.end())))
                    .fetchOne(0, Long.class);
            assertThat(ivoSarah).as("the demo notifies serious lex Sarah cases").isPositive();
            assertThat(text).contains("Lex Sarah: anmälningar till IVO under " + YEAR + ": " + ivoSarah + " (");
            for (ReportModel.Bilaga2Row r : m.selfChecks().rows().stream().limit(5).toList()) {
                assertThat(text).contains(r.unit().split(" ")[0]);
            }
            // The charts are vectors: no images in the PDF.
            assertThat(doc.getPage(3).getResources().getXObjectNames()).isEmpty();
        }
    }

    @Test
    void tertialReportCountsPerLawMatchTheRegister() throws Exception {
        int t = 2;
        Period p = Period.tertial(TestDb.TODAY.getYear(), t);
        ReportModel m = model(ReportKind.TERTIAL, t, null);
        Path docx = write(m, ReportFormat.DOCX, "tertial.docx");
        try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
            List<String> h1 = doc.getParagraphs().stream().filter(x -> "Heading1".equals(x.getStyle()))
                    .map(XWPFParagraph::getText).toList();
            assertThat(h1).containsSubsequence("Klagomål och synpunkter", "Lex Sarah", "Avvikelser enligt HSL, SoL och LSS",
                    "Lex Maria", "Externa granskningar", "Analys");
            XWPFTable laws = doc.getTables().stream().filter(x -> x.getRow(0).getCell(1).getText().equals("SoL")).findFirst()
                    .orElseThrow();
            for (int r = 1; r <= DeviationKind.values().length; r++) {
                DeviationKind k = DeviationKind.values()[r - 1];
                List<String> cells = laws.getRow(r).getTableCells().stream().map(c -> c.getText()).toList();
                long sum = 0;
                for (int c = 1; c <= 4; c++) {
                    sum += Long.parseLong(cells.get(c));
                }
                assertThat(sum).as(k.name()).isEqualTo(count(null, k, p));
                assertThat(Long.parseLong(cells.get(5))).isEqualTo(count(null, k, p));
            }
            // HSL-avvikelser are only under HSL, lex Maria only under PSL.
            assertThat(laws.getRow(DeviationKind.HSL_AVVIKELSE.ordinal() + 1).getCell(3).getText())
                    .isEqualTo(Long.toString(count(null, DeviationKind.HSL_AVVIKELSE, p)));
            assertThat(laws.getRow(DeviationKind.LEX_MARIA.ordinal() + 1).getCell(4).getText())
                    .isEqualTo(Long.toString(count(null, DeviationKind.LEX_MARIA, p)));
            assertThat(doc.getAllPictures()).isNotEmpty();
        }
        Path pdf = write(m, ReportFormat.PDF, "tertial.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Kvalitetsrapport tertial 2 " + p.year(),
                    "Lex Maria-händelser: " + boardStyle(null, DeviationKind.LEX_MARIA, p),
                    "Klagomål och synpunkter utifrån: " + boardStyle(null, DeviationKind.KLAGOMAL_EXTERN, p));
        }
    }

    @Test
    void boardMaterialIsDatedWithItsDeadlineAndKeyNumbers() throws Exception {
        ReportModel m = model(ReportKind.BOARD, 2, null);
        Period p = Period.tertial(TestDb.TODAY.getYear(), 2);
        Path pdf = write(m, ReportFormat.PDF, "board.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertThat(text).contains("Underlaget ska vara nämnden tillhanda senast " + TestDb.TODAY.plusDays(13));
            for (DeviationKind k : DeviationKind.values()) {
                assertThat(text).contains(kindNames.get(k.name()) + " " + boardStyle(null, k, p));
            }
        }
    }

    @Test
    void subtreeReportCountsOnlyTheSubtreeAndXlsxHoldsTheTables() throws Exception {
        var unit = ctx.organisation().tree().roots().getFirst();
        var area = ctx.organisation().tree().children(unit.id()).getFirst();
        Set<Long> scope = ctx.organisation().unitScope(area.id(), null);
        ReportModel m = model(ReportKind.ANNUAL, 0, area.id());
        Path xlsx = write(m, ReportFormat.XLSX, "annual.xlsx");
        Period p = Period.year(YEAR);
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).contains("Avvikelser", "Vanligaste kategorier", "Nyckeltal", "Bilaga 1 Riskanalyser");
            Sheet dev = wb.getSheet("Avvikelser");
            int last = dev.getRow(0).getLastCellNum() - 1;
            // Kinds without records in the subtree are left out (issue 21); the others carry the register's numbers.
            java.util.Map<String, String> byKind = new java.util.HashMap<>();
            var fmt = new org.apache.poi.ss.usermodel.DataFormatter();
            for (int r = 1; r <= dev.getLastRowNum(); r++) {
                byKind.put(fmt.formatCellValue(dev.getRow(r).getCell(0)), fmt.formatCellValue(dev.getRow(r).getCell(last)));
            }
            var bundle = java.util.ResourceBundle.getBundle("i18n.messages", java.util.Locale.of("sv"),
                    java.util.ResourceBundle.Control.getNoFallbackControl(java.util.ResourceBundle.Control.FORMAT_PROPERTIES));
            for (DeviationKind k : DeviationKind.values()) {
                String name = bundle.getString("enum.DeviationKind." + k.name());
                if ("0".equals(boardStyle(scope, k, p)) || boardStyle(scope, k, p).matches("0 \\(\\d+: 0(, \\d+: 0)*\\)")) {
                    assertThat(byKind).doesNotContainKey(name);
                } else {
                    assertThat(byKind.get(name)).as(byKind.toString()).isEqualTo(boardStyle(scope, k, p));
                }
            }
            Sheet keys = wb.getSheet("Nyckeltal");
            assertThat((long) keys.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(count(scope, null, p));
        }
        assertThat(count(scope, null, p)).isLessThan(count(null, null, p));
    }

    @Test
    void descriptionsAreOnlyIncludedOnRequestAndMasked() throws Exception {
        Period p = Period.year(YEAR);
        var sarah = ctx.deviations().search(DeviationFilter.all().withPeriod(p.start(), p.end())
                        .withKinds(EnumSet.of(DeviationKind.LEX_SARAH)),
                se.kvalitetshjulet.domain.deviation.DeviationSort.REGISTERED_ON, false, 0, 1, ctx.today()).rows().getFirst();
        ReportModel without = model(ReportKind.ANNUAL, 0, null);
        ReportModel with = ctx.reports().build(new ReportService.Request(ReportKind.ANNUAL, YEAR, 0, null, true, null),
                ctx.today(), (f, w) -> { }, () -> false);
        Path a = write(without, ReportFormat.DOCX, "without.docx");
        Path b = write(with, ReportFormat.DOCX, "with.docx");
        try (InputStream in = Files.newInputStream(a); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining())).doesNotContain(sarah.caseRef());
        }
        try (InputStream in = Files.newInputStream(b); XWPFDocument doc = new XWPFDocument(in)) {
            String tables = doc.getTables().stream().map(XWPFTable::getText).collect(Collectors.joining());
            assertThat(tables).contains(sarah.caseRef());
            assertThat(tables).doesNotContainPattern("\\b(19|20)\\d{6}-\\d{4}\\b");
        }
        assertThat(DeviationStatus.values()).isNotEmpty();
    }
}
