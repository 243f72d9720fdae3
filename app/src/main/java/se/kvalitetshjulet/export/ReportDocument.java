package se.kvalitetshjulet.export;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import se.kvalitetshjulet.data.repo.ReportRepository;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.Law;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.service.report.ReportModel;

/**
 * A report (kvalitetsberättelse, kvalitetsrapport, nämndunderlag) as a list of blocks that the DOCX, PDF and XLSX
 * writers render alike: the structure follows seed 002. Free text is masked for identity numbers.
 */
public final class ReportDocument {
    /** One part of the document. */
    public sealed interface Block permits Title, Contents, PageBreak, Heading, Paragraph, Table, Chart { }

    public record Title(String title, String subtitle) implements Block { }

    /** The table of contents (a TOC field in Word; the headings listed in PDF). */
    public record Contents(String heading) implements Block { }

    public record PageBreak() implements Block { }

    public record Heading(int level, String text) implements Block { }

    public record Paragraph(String text, boolean bold) implements Block { }

    /** A table; {@code sheet} names it in the Excel workbook (the tables behind the report). */
    public record Table(String sheet, List<String> header, List<List<String>> rows, float[] widths) implements Block { }

    public record Chart(ChartSpec spec) implements Block { }

    /** What a chart shows, independent of where it is drawn. */
    public sealed interface ChartSpec permits Bars, Line { }

    /** Grouped bars: one group per category, one bar per series (e.g. per year). */
    public record Bars(String title, List<String> categories, List<String> series, double[][] values) implements ChartSpec { }

    /** A control chart over months: values, centre line and limits; signalling points marked. */
    public record Line(String title, ReportModel.TrendSeries series) implements ChartSpec { }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ResourceBundle b;
    private final ReportModel m;
    private final List<Block> out = new ArrayList<>();
    /** The headings of the sections the author has not written (see {@link #unwritten}). */
    private final List<String> unwritten = new ArrayList<>();

    private ReportDocument(ReportModel m, ResourceBundle b) {
        this.m = m;
        this.b = b;
    }

    public static List<Block> build(ReportModel m, ResourceBundle b) {
        return List.copyOf(built(m, b).out);
    }

    private static ReportDocument built(ReportModel m, ResourceBundle b) {
        ReportDocument d = new ReportDocument(m, b);
        switch (m.kind()) {
            case ANNUAL -> d.annual();
            case TERTIAL -> d.tertial();
            case BOARD -> d.board();
        }
        return d;
    }

    /**
     * The sections of the report that the author has not written yet, by their headings, in the document's order:
     * the export lists them and asks before writing (issue 21). The document itself never carries a placeholder —
     * an unwritten section keeps its heading with nothing under it, for the author to fill in.
     */
    public static List<String> unwritten(ReportModel m, ResourceBundle b) {
        return List.copyOf(built(m, b).unwritten);
    }

    public static String title(ReportModel m, ResourceBundle b) {
        String base = switch (m.kind()) {
            case ANNUAL -> fmt(b, "report.annual.title", Integer.toString(m.period().year()));
            case TERTIAL -> fmt(b, "report.tertial.title", Integer.toString(m.period().tertial()),
                    Integer.toString(m.period().year()));
            case BOARD -> fmt(b, "report.board.title", m.meeting() == null ? m.period().label()
                    : DATE.format(m.meeting().meetingOn()));
        };
        return m.scopeName().isBlank() ? base : base + " – " + m.scopeName();
    }

    static String fmt(ResourceBundle b, String key, Object... args) {
        String p = b.getString(key);
        return args.length == 0 ? p : se.kvalitetshjulet.domain.NumberText.of(Locale.of("sv")).message(p, Locale.of("sv"), args);
    }

    private String s(String key, Object... args) {
        return fmt(b, key, args);
    }

    private String kind(DeviationKind k) {
        return b.getString("enum.DeviationKind." + k.name());
    }

    private static String text(String t) {
        return SafeCells.maskIdentityNumbers(t == null ? "" : t);
    }

    /**
     * A text the author writes: as written (identity numbers masked), or — when not written — nothing in the document
     * and the section named in {@link #unwritten(ReportModel, ResourceBundle)}.
     */
    private void text(String t, String section) {
        if (t == null || t.isBlank()) {
            unwritten.add(section);
            return;
        }
        for (String para : t.strip().split("\\R\\s*\\R")) {
            out.add(new Paragraph(text(para.strip()), false));
        }
    }

    /** A section of the kvalitetsberättelse the author writes (issue 21): its text, or listed as unwritten. */
    private void section(String key, String heading) {
        text(m.texts().section(key), heading);
    }

    private String scope() {
        if (m.scopeName().isBlank() && m.coverName() != null && !m.coverName().isBlank()) {
            return m.coverName();
        }
        return m.scopeName().isBlank() ? s("report.wholeOrganisation") : m.scopeName();
    }

    /**
     * The kinds with records in the compared years of the report's scope: a kind without any is left out of the
     * tables and charts instead of printed as zeros and empty charts (issue 21).
     */
    private List<DeviationKind> kindsWithRecords() {
        PatternReport p = m.patterns();
        List<DeviationKind> out = new ArrayList<>();
        for (DeviationKind k : DeviationKind.values()) {
            for (int i = 0; i <= p.yearsCompared(); i++) {
                if (p.count(k, PatternReport.TOTAL, i) > 0) {
                    out.add(k);
                    break;
                }
            }
        }
        return out;
    }

    private void cover() {
        out.add(new Title(title(m, b), s("report.cover", scope(), DATE.format(m.generatedOn()))));
    }

    // ---- annual ------------------------------------------------------------------------

    /**
     * The kvalitetsberättelse in seed 002's shape: summary; follow-up of last year's priorities, one sub-heading
     * each; processes and routines; the improvement work — deviations per kind (definition, count, chart, what the
     * cases were about), investigations and IVO, patterns with the analysis, the year's development work, risk
     * analyses with internal control, self-checks; next year's priorities; Bilaga 1 and 2.
     */
    private void annual() {
        int y = m.period().year();
        cover();
        out.add(new Contents(s("report.contents")));
        out.add(new PageBreak());
        out.add(new Heading(1, s("report.h.summary")));
        text(m.texts().summary(), s("report.h.summary"));
        followUpOfPriorities(y);
        out.add(new Heading(1, s("report.h.processes")));
        section(ReportTexts.PROCESSES, s("report.h.processes"));
        out.add(new Heading(1, s("report.h.improvement")));
        out.add(new Heading(2, s("report.h.deviations")));
        deviationTable();
        for (DeviationKind k : kindsWithRecords()) {
            out.add(new Heading(3, kindHeading(k)));
            out.add(new Paragraph(s("report.definition." + k.name()), false));
            out.add(new Paragraph(s("report.kind.count", m.period().label(),
                    m.patterns().boardStyle(k, PatternReport.TOTAL)), false));
            out.add(new Chart(byAreaChart(k)));
            section("kind." + k.name(), kindHeading(k));
        }
        sarahAndIvo();
        patternTables();
        section(ReportTexts.PATTERN_ANALYSIS, s("report.h.patterns"));
        chartConclusions();
        out.add(new Heading(2, s("report.h.developmentWork")));
        section(ReportTexts.DEVELOPMENT_WORK, s("report.h.developmentWork"));
        out.add(new Heading(2, s("report.h.risks")));
        out.add(new Paragraph(s("report.risks.count", Long.toString(m.risks().riskAnalyses()),
                Long.toString(m.risks().eventAnalyses()), Integer.toString(y)), false));
        riskAreaTable();
        section(ReportTexts.RISK_WORK, s("report.h.risks"));
        out.add(new Heading(2, s("report.h.selfChecks")));
        selfCheckCount();
        section(ReportTexts.SELF_CHECK_WORK, s("report.h.selfChecks"));
        keyFigures();
        descriptions();
        aggregated();
        out.add(new Heading(1, s("report.h.priorities", Integer.toString(y + 1))));
        text(m.texts().priorities(), s("report.h.priorities", Integer.toString(y + 1)));
        out.add(new PageBreak());
        out.add(new Heading(1, s("report.h.bilaga1", Integer.toString(y))));
        bilaga1();
        out.add(new PageBreak());
        out.add(new Heading(1, s("report.h.bilaga2", Integer.toString(y))));
        bilaga2();
    }

    /** A kind's sub-heading as the board writes it ("Klagomål och synpunkter från utomstående"). */
    private String kindHeading(DeviationKind k) {
        return s("report.kind.heading." + k.name());
    }

    /**
     * Last year's priorities, each as a sub-heading with its follow-up ({@code followUp.<n>}); without items, the
     * one follow-up text. Listed as unwritten when neither is there.
     */
    private void followUpOfPriorities(int y) {
        out.add(new Heading(1, s("report.h.followUp", Integer.toString(y - 1))));
        List<String> items = ReportTexts.priorityItems(m.previousTexts().priorities());
        if (items.isEmpty()) {
            out.add(new Paragraph(s("report.followUp.noPriorities", Integer.toString(y)), false));
        }
        for (int i = 0; i < items.size(); i++) {
            out.add(new Heading(2, items.get(i)));
            String own = m.texts().section("followUp." + (i + 1));
            if (!own.isBlank()) {
                text(own, items.get(i));
            } else if (m.texts().followUp().isBlank()) {
                unwritten.add(items.get(i)); // neither its own follow-up nor the common one
            }
        }
        if (!m.texts().followUp().isBlank() || items.isEmpty()) {
            if (!items.isEmpty()) {
                out.add(new Heading(2, s("report.h.followUpText")));
            }
            text(m.texts().followUp(), s("report.h.followUp", Integer.toString(y - 1)));
        }
    }

    private void deviationTable() {
        PatternReport p = m.patterns();
        List<String> header = new ArrayList<>();
        header.add(s("report.col.kind"));
        header.addAll(p.areas());
        header.add(s("report.col.total"));
        List<List<String>> rows = new ArrayList<>();
        for (DeviationKind k : kindsWithRecords()) {
            List<String> row = new ArrayList<>();
            row.add(kind(k));
            for (String a : p.areas()) {
                row.add(p.boardStyle(k, a));
            }
            row.add(p.boardStyle(k, PatternReport.TOTAL));
            rows.add(row);
        }
        long[] all = new long[p.yearsCompared() + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = m.total(i);
        }
        List<String> total = new ArrayList<>();
        total.add(s("report.col.allKinds"));
        for (String a : p.areas()) {
            long[] v = new long[all.length];
            for (DeviationKind k : DeviationKind.values()) {
                for (int i = 0; i < v.length; i++) {
                    v[i] += p.count(k, a, i);
                }
            }
            total.add(p.boardStyle(v));
        }
        total.add(p.boardStyle(all));
        rows.add(total);
        float[] w = new float[header.size()];
        java.util.Arrays.fill(w, 2);
        w[0] = 3;
        out.add(new Paragraph(s("report.deviations.intro", m.period().label(),
                Integer.toString(m.period().yearsBefore(1).year()), Integer.toString(m.period().yearsBefore(2).year())),
                false));
        out.add(new Table(s("report.sheet.deviations"), header, rows, w));
        out.add(new Paragraph(s("report.countingRule." + m.board().rule().name()), false));
    }

    private Bars byAreaChart(DeviationKind k) {
        PatternReport p = m.patterns();
        List<String> cats = new ArrayList<>(p.areas());
        if (cats.isEmpty()) {
            cats.add(s("report.col.total"));
        }
        List<String> series = new ArrayList<>();
        int years = p.yearsCompared() + 1;
        double[][] v = new double[years][cats.size()];
        for (int i = 0; i < years; i++) {
            series.add(p.period().yearsBefore(years - 1 - i).label());
            for (int c = 0; c < cats.size(); c++) {
                String area = p.areas().isEmpty() ? PatternReport.TOTAL : cats.get(c);
                v[i][c] = p.count(k, area, years - 1 - i);
            }
        }
        return new Bars(s("report.chart.byArea", kind(k)), cats, series, v);
    }

    private void patternTables() {
        out.add(new Heading(2, s("report.h.patterns")));
        named(s("report.sheet.categories"), s("report.col.category"), m.patterns().topCategories(), false);
        named(s("report.sheet.causes"), s("report.col.cause"), m.patterns().topCauses(), false);
        named(s("report.sheet.measures"), s("report.col.measureType"), m.patterns().topMeasureTypes(), false);
    }

    private void named(String sheet, String col, List<PatternReport.NamedCount> rows, boolean assessment) {
        List<List<String>> r = new ArrayList<>();
        for (PatternReport.NamedCount n : rows) {
            String name = assessment ? b.getString("enum.Assessment." + n.name()) : n.name();
            r.add(List.of(name, Long.toString(n.count())));
        }
        if (r.isEmpty()) {
            out.add(new Paragraph(sheet + ": " + s("report.none"), false));
            return;
        }
        out.add(new Paragraph(sheet, true));
        out.add(new Table(sheet, List.of(col, s("report.col.count")), r, new float[] {4, 1}));
    }

    private void sarahAndIvo() {
        out.add(new Heading(2, s("report.h.sarah")));
        out.add(new Paragraph(s("report.sarah.count", m.patterns().boardStyle(DeviationKind.LEX_SARAH, PatternReport.TOTAL),
                m.patterns().boardStyle(DeviationKind.LEX_MARIA, PatternReport.TOTAL)), false));
        decisionDateFigures();
    }

    /**
     * The board's year-over-year figures for investigated cases, counted by decision date: substantiated assessments
     * per kind ("34 (2021: 40, 2020: 39)"), a table of every assessment per year, and the IVO notifications split by
     * whether the investigation was finished, with IVO's decisions.
     */
    private void decisionDateFigures() {
        se.kvalitetshjulet.domain.report.BoardFigures bf = m.board();
        int periods = m.patterns().yearsCompared() + 1;
        String period = m.period().label();
        List<List<String>> rows = new ArrayList<>();
        for (DeviationKind k : List.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA)) {
            List<se.kvalitetshjulet.domain.deviation.Assessment> seen = bf.assessmentsOf(k);
            if (seen.isEmpty()) {
                continue;
            }
            out.add(new Paragraph(s("report.assessed.substantiated." + k.name(), period,
                    m.patterns().boardStyle(bf.substantiatedCounts(k, periods))), false));
            for (var a : seen) {
                List<String> row = new ArrayList<>();
                row.add(kind(k));
                row.add(b.getString("enum.Assessment." + a.name()));
                long[] v = bf.counts(k, a, periods);
                for (int i = 0; i < periods; i++) {
                    row.add(m.patterns().beforeRegister(i) ? PatternReport.NO_DATA : Long.toString(v[i]));
                }
                rows.add(row);
            }
        }
        if (!rows.isEmpty()) {
            List<String> header = new ArrayList<>(List.of(s("report.col.kind"), s("report.col.assessment")));
            float[] w = new float[2 + periods];
            java.util.Arrays.fill(w, 1.2f);
            w[0] = 2;
            w[1] = 3;
            for (int i = 0; i < periods; i++) {
                header.add(m.period().yearsBefore(i).label());
            }
            out.add(new Paragraph(s("report.sheet.assessmentsByDate"), true));
            out.add(new Table(s("report.sheet.assessments"), header, rows, w));
        }
        if (bf.assessedWithoutDate() > 0) {
            out.add(new Paragraph(s("report.assessed.withoutDate", Long.toString(bf.assessedWithoutDate())), false));
        }
        if (!bf.anyIvo()) {
            out.add(new Paragraph(s("report.ivo.none", period), false));
            return;
        }
        for (DeviationKind k : List.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA)) {
            long[] notified = new long[periods];
            for (int i = 0; i < periods; i++) {
                notified[i] = bf.ivo(k, i).notified();
            }
            if (java.util.Arrays.stream(notified).allMatch(n -> n == 0)) {
                continue;
            }
            var now = bf.ivo(k, 0);
            out.add(new Paragraph(s("report.ivo.byDate", kind(k), period, m.patterns().boardStyle(notified),
                    Long.toString(now.afterInvestigation()), Long.toString(now.beforeInvestigation()),
                    Long.toString(now.decidedByIvo()), Long.toString(now.waitingForIvo())), false));
        }
    }

    private void riskAreaTable() {
        Map<String, Long> perArea = new LinkedHashMap<>();
        for (AppendixRow r : m.risks().appendix()) {
            perArea.merge(area(r.businessArea()), 1L, Long::sum);
        }
        if (perArea.isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        perArea.forEach((a, n) -> rows.add(List.of(a, Long.toString(n))));
        out.add(new Table(s("report.sheet.riskAreas"), List.of(s("report.col.area"), s("report.col.riskCount")), rows,
                new float[] {4, 1}));
        out.add(new Paragraph(s("report.risks.seeBilaga1"), false));
    }

    private String area(String a) {
        return a == null || a.isBlank() ? s("report.noArea") : a;
    }

    private void selfCheckCount() {
        ReportModel.SelfCheckSummary sc = m.selfChecks();
        out.add(new Paragraph(s("report.selfChecks.count", Long.toString(sc.rounds()), Long.toString(sc.units()),
                Long.toString(sc.submitted()), Long.toString(sc.findings())), false));
        if (m.kind() == ReportKind.ANNUAL && !sc.rows().isEmpty()) {
            out.add(new Paragraph(s("report.selfChecks.seeBilaga2"), false));
        }
    }

    private void keyFigures() {
        out.add(new Heading(2, s("report.h.keyFigures")));
        List<List<String>> rows = new ArrayList<>();
        for (ReportModel.KeyFigure k : m.keyFigures()) {
            rows.add(List.of(s("report.key." + k.key()), number(k.value(), k.decimals())));
        }
        out.add(new Table(s("report.sheet.keyFigures"), List.of(s("report.col.keyFigure"), s("report.col.value")), rows,
                new float[] {4, 1}));
    }

    static String number(double v, int decimals) {
        return decimals == 0 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%." + decimals + "f", v)
                .replace('.', ',');
    }

    private void bilaga1() {
        if (m.risks().appendix().isEmpty()) {
            out.add(new Paragraph(s("report.none"), false));
            return;
        }
        Map<String, List<List<String>>> byArea = new LinkedHashMap<>();
        for (AppendixRow r : m.risks().appendix()) {
            byArea.computeIfAbsent(area(r.businessArea()), k -> new ArrayList<>()).add(List.of(text(r.analysis()),
                    text(r.where()), text(r.measures()), text(r.improvedRoutines())));
        }
        byArea.forEach((a, rows) -> {
            out.add(new Heading(2, s("report.verksamhetsomrade", a.toUpperCase(Locale.ROOT))));
            out.add(new Table(s("report.sheet.bilaga1"), List.of(s("risk.appendix.analysis"), s("risk.appendix.where"),
                    s("risk.appendix.measures"), s("risk.appendix.routines")), rows, new float[] {3, 2, 3, 3}));
        });
    }

    private void bilaga2() {
        if (m.selfChecks().rows().isEmpty()) {
            out.add(new Paragraph(s("report.none"), false));
            bilaga2Unanswered();
            return;
        }
        Map<String, List<List<String>>> byArea = new LinkedHashMap<>();
        for (ReportModel.Bilaga2Row r : m.selfChecks().rows()) {
            byArea.computeIfAbsent(area(r.area()), k -> new ArrayList<>()).add(List.of(text(r.check()), text(r.unit()),
                    text(r.result()), text(r.actions()), text(r.routines())));
        }
        byArea.forEach((a, rows) -> {
            out.add(new Heading(2, s("report.verksamhetsomrade", a.toUpperCase(Locale.ROOT))));
            out.add(new Table(s("report.sheet.bilaga2"), List.of(s("report.col.check"), s("report.col.unit"),
                    s("report.col.result"), s("report.col.actions"), s("report.col.routines")), rows,
                    new float[] {3, 2, 2, 3, 3}));
        });
        bilaga2Unanswered();
    }

    /** Self-checks sent but not answered: listed apart, not as results (issue 21). */
    private void bilaga2Unanswered() {
        List<ReportModel.Bilaga2Row> missing = m.selfChecks().unanswered();
        if (missing.isEmpty()) {
            return;
        }
        out.add(new Heading(2, s("report.bilaga2.unanswered")));
        List<List<String>> rows = new ArrayList<>();
        for (ReportModel.Bilaga2Row r : missing) {
            rows.add(List.of(text(r.check()), text(r.unit()), area(r.area())));
        }
        out.add(new Table(s("report.sheet.bilaga2Unanswered"), List.of(s("report.col.check"), s("report.col.unit"),
                s("report.col.area")), rows, new float[] {3, 3, 2}));
    }

    private void descriptions() {
        if (!m.descriptionsIncluded()) {
            return;
        }
        out.add(new Heading(2, s("report.h.descriptions")));
        out.add(new Paragraph(s("report.descriptions.note", Integer.toString(m.descriptions().size()),
                Integer.toString(m.privacyFindings())), false));
        List<List<String>> rows = new ArrayList<>();
        for (ReportRepository.DescriptionRow d : m.descriptions()) {
            rows.add(List.of(d.caseRef(), DATE.format(d.registeredOn()), kind(d.kind()), d.category(),
                    text(d.title()) + (d.description().isBlank() ? "" : "\n" + text(d.description()))));
        }
        out.add(new Table(s("report.sheet.descriptions"), List.of(s("report.col.caseRef"), s("report.col.date"),
                s("report.col.kind"), s("report.col.category"), s("report.col.description")), rows,
                new float[] {2, 2, 2, 2, 6}));
    }

    // ---- tertial -----------------------------------------------------------------------

    private void tertial() {
        cover();
        out.add(new Contents(s("report.contents")));
        out.add(new PageBreak());
        PatternReport p = m.patterns();
        out.add(new Heading(1, s("report.h.summary")));
        text(m.texts().summary(), s("report.h.summary"));
        out.add(new Heading(1, s("report.h.complaints")));
        out.add(new Paragraph(s("report.complaints.count",
                p.boardStyle(DeviationKind.KLAGOMAL_EXTERN, PatternReport.TOTAL),
                p.boardStyle(DeviationKind.KLAGOMAL_PERSONAL, PatternReport.TOTAL)), false));
        out.add(new Heading(1, s("report.h.sarahTertial")));
        out.add(new Paragraph(s("report.sarahTertial.count", p.boardStyle(DeviationKind.LEX_SARAH, PatternReport.TOTAL),
                Long.toString(m.sarahIvo())), false));
        out.add(new Heading(1, s("report.h.laws")));
        lawTable();
        out.add(new Heading(1, s("report.h.maria")));
        out.add(new Paragraph(s("report.maria.count", p.boardStyle(DeviationKind.LEX_MARIA, PatternReport.TOTAL),
                Long.toString(m.mariaIvo())), false));
        named(s("report.sheet.assessments"), s("report.col.assessment"), p.assessments(), true);
        out.add(new Heading(1, s("report.h.audits")));
        text(m.texts().externalAudits(), s("report.h.audits"));
        out.add(new Heading(1, s("report.h.analysis")));
        text(m.texts().analysis(), s("report.h.analysis"));
        trendSection();
        patternTables();
        descriptions();
        aggregated();
    }

    private void lawTable() {
        List<String> header = new ArrayList<>();
        header.add(s("report.col.kind"));
        for (Law l : Law.values()) {
            header.add(b.getString("enum.Law." + l.name()));
        }
        header.add(s("report.col.total"));
        List<List<String>> rows = new ArrayList<>();
        long[] colTotals = new long[Law.values().length + 1];
        for (DeviationKind k : kindsWithRecords()) {
            List<String> row = new ArrayList<>();
            row.add(kind(k));
            long sum = 0;
            for (Law l : Law.values()) {
                long n = m.lawCount(k, l);
                row.add(Long.toString(n));
                colTotals[l.ordinal()] += n;
                sum += n;
            }
            colTotals[Law.values().length] += sum;
            row.add(Long.toString(sum));
            rows.add(row);
        }
        List<String> total = new ArrayList<>();
        total.add(s("report.col.allKinds"));
        for (long n : colTotals) {
            total.add(Long.toString(n));
        }
        rows.add(total);
        float[] w = new float[header.size()];
        java.util.Arrays.fill(w, 1);
        w[0] = 3;
        out.add(new Table(s("report.sheet.laws"), header, rows, w));
    }

    private void trendSection() {
        out.add(new Heading(2, s("report.h.trends")));
        List<List<String>> rows = new ArrayList<>();
        java.util.Map<String, ReportModel.ChartConclusion> byKey = new java.util.HashMap<>();
        m.conclusions().forEach(c -> byKey.put(c.key(), c));
        for (ReportModel.TrendSeries t : m.trends()) {
            String name = t.kind() == null ? s("report.col.allKinds") : kind(t.kind());
            // The chart the report draws (the chart screen's, without invented zeros) says whether it signals.
            ReportModel.ChartConclusion c = byKey.get(t.kind() == null ? "all" : "kind." + t.kind().name());
            boolean signal = c == null ? t.signalInPeriod() : c.special();
            rows.add(List.of(name, number(t.periodTotal(), 0),
                    signal ? s("report.signal.yes") : s("report.signal.no"),
                    c == null ? String.join(" ", t.explanations()) : text(c.text())));
        }
        out.add(new Table(s("report.sheet.signals"), List.of(s("report.col.kind"), s("report.col.periodCount"),
                s("report.col.signal"), s("report.col.explanation")), rows, new float[] {3, 1, 1, 6}));
        if (m.conclusions().isEmpty()) {
            for (ReportModel.TrendSeries t : m.trends()) {
                if (t.kind() == null || t.signalInPeriod()) {
                    String name = t.kind() == null ? s("report.col.allKinds") : kind(t.kind());
                    out.add(new Chart(new Line(s("report.chart.trend", name), t)));
                }
            }
        }
        chartConclusions();
        List<List<String>> monthly = new ArrayList<>();
        ReportModel.TrendSeries first = m.trends().getFirst();
        for (int i = 0; i < first.labels().size(); i++) {
            List<String> row = new ArrayList<>();
            row.add(first.labels().get(i));
            for (ReportModel.TrendSeries t : m.trends()) {
                row.add(number(t.values()[i], 0));
            }
            monthly.add(row);
        }
        List<String> header = new ArrayList<>();
        header.add(s("report.col.month"));
        for (ReportModel.TrendSeries t : m.trends()) {
            header.add(t.kind() == null ? s("report.col.allKinds") : kind(t.kind()));
        }
        out.add(new Table(s("report.sheet.monthly"), header, monthly, null));
    }

    /**
     * The run and control charts with the conclusion under each (issue 20), built as the chart screen builds them:
     * all deviations, the kinds whose chart shows a special cause, and the deck charts in the report's scope; first a
     * table of the conclusions, then each chart with its sentence (drafted from its signals, or the author's).
     */
    private void chartConclusions() {
        List<ReportModel.ChartConclusion> shown = m.conclusions().stream()
                .filter(c -> !c.key().startsWith("kind.") || c.special()).toList();
        if (shown.isEmpty()) {
            return;
        }
        out.add(new Heading(2, s("report.h.chartConclusions")));
        out.add(new Paragraph(s("report.chartConclusions.intro"), false));
        List<List<String>> rows = new ArrayList<>();
        for (ReportModel.ChartConclusion c : shown) {
            rows.add(List.of(text(c.title()), text(c.text())));
        }
        out.add(new Table(s("report.sheet.conclusions"), List.of(s("report.col.chart"), s("report.col.conclusion")),
                rows, new float[] {3, 7}));
        for (ReportModel.ChartConclusion c : shown) {
            out.add(new Chart(new Line(text(c.title()), c.series())));
            out.add(new Paragraph(text(c.text()), true));
        }
    }

    // ---- h5: Uppföljning på aggregerad nivå (key figures, user survey, individual follow-up) ----

    private void aggregated() {
        new AggregatedSection(m, b, out).write();
    }

    // ---- board material ----------------------------------------------------------------

    private void board() {
        String date = m.meeting() == null ? "" : DATE.format(m.meeting().meetingOn());
        String title = m.meeting() == null || m.meeting().title().isBlank() ? title(m, b)
                : title(m, b) + " – " + text(m.meeting().title());
        out.add(new Title(title, s("report.cover", scope(), DATE.format(m.generatedOn()))));
        if (m.meeting() != null) {
            out.add(new Paragraph(s("report.board.deadline", date, DATE.format(m.meeting().deadline())), true));
        }
        out.add(new Heading(1, s("report.h.keyNumbers", m.period().label())));
        PatternReport p = m.patterns();
        List<List<String>> rows = new ArrayList<>();
        for (DeviationKind k : kindsWithRecords()) {
            rows.add(List.of(kind(k), p.boardStyle(k, PatternReport.TOTAL)));
        }
        long[] all = new long[p.yearsCompared() + 1];
        for (int i = 0; i < all.length; i++) {
            all[i] = m.total(i);
        }
        rows.add(List.of(s("report.col.allKinds"), p.boardStyle(all)));
        out.add(new Table(s("report.sheet.keyNumbers"), List.of(s("report.col.kind"), s("report.col.count")), rows,
                new float[] {3, 2}));
        out.add(new Paragraph(s("report.ivo", Long.toString(m.sarahIvo()), Long.toString(m.mariaIvo())), false));
        out.add(new Paragraph(s("report.risks.count", Long.toString(m.risks().riskAnalyses()),
                Long.toString(m.risks().eventAnalyses()), Integer.toString(m.period().year())), false));
        selfCheckCount();
        List<String> cats = new ArrayList<>();
        for (DeviationKind k : DeviationKind.values()) {
            cats.add(kind(k));
        }
        // Years before the register's first record have no bars (no data), not bars of height 0.
        List<Integer> shown = new ArrayList<>();
        for (int back = p.yearsCompared(); back >= 0; back--) {
            if (!p.beforeRegister(back)) {
                shown.add(back);
            }
        }
        double[][] v = new double[shown.size()][cats.size()];
        List<String> series = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            series.add(p.period().yearsBefore(shown.get(i)).label());
            for (DeviationKind k : DeviationKind.values()) {
                v[i][k.ordinal()] = p.count(k, PatternReport.TOTAL, shown.get(i));
            }
        }
        out.add(new Heading(1, s("report.h.charts")));
        out.add(new Chart(new Bars(s("report.chart.perKind", m.period().label()), cats, series, v)));
        ReportModel.TrendSeries total = m.trends().getFirst();
        out.add(new Chart(new Line(s("report.chart.trend", s("report.col.allKinds")), total)));
        out.add(new Paragraph(String.join(" ", total.explanations()), false));
        keyFigures();
    }
}
