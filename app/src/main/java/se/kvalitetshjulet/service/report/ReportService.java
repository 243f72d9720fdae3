package se.kvalitetshjulet.service.report;

import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.PrivacyService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.service.PatternService;
import se.kvalitetshjulet.service.OrganisationService;
import se.kvalitetshjulet.service.ChartBuilder;
import se.kvalitetshjulet.service.ConclusionDrafter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import se.kvalitetshjulet.data.Database;
import se.kvalitetshjulet.data.repo.DenominatorRepository;
import se.kvalitetshjulet.data.repo.DeviationRepository;
import se.kvalitetshjulet.data.repo.ReportRepository;
import se.kvalitetshjulet.domain.deviation.DeviationFilter;
import se.kvalitetshjulet.domain.deviation.DeviationKind;
import se.kvalitetshjulet.domain.deviation.PatternReport;
import se.kvalitetshjulet.domain.report.BoardFigures;
import se.kvalitetshjulet.domain.report.CountingRule;
import se.kvalitetshjulet.domain.deviation.Period;
import se.kvalitetshjulet.domain.org.OrgTree;
import se.kvalitetshjulet.domain.privacy.PrivacyCheck;
import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.report.ReportTexts;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.AnalysisStatus;
import se.kvalitetshjulet.domain.risk.AppendixRow;
import se.kvalitetshjulet.domain.risk.RiskAnalysisRow;
import se.kvalitetshjulet.domain.risk.RiskFilter;
import se.kvalitetshjulet.domain.spc.ChartType;
import se.kvalitetshjulet.domain.spc.SignalExplainer;
import se.kvalitetshjulet.domain.spc.SpcEngine;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.domain.spc.SpcRequest;
import se.kvalitetshjulet.domain.spc.SpcResult;

/**
 * Builds the reports of DOMAIN.md §2.5 from the register (rapporter): numbers are counted and grouped in the database
 * by the pattern, risk and self-check services; stored texts and board meetings are saved with audit rows.
 */
public final class ReportService {
    /** Most deviation descriptions a report includes when asked to. */
    public static final int MAX_DESCRIPTIONS = 300;

    /** What to build. {@code tertial} 0 is the whole year; {@code meeting} only for board material. */
    public record Request(ReportKind kind, int year, int tertial, Long unitId, boolean includeDescriptions,
                          BoardMeeting meeting, CountingRule countBy) {
        public Request {
            countBy = countBy == null ? CountingRule.REGISTERED : countBy;
        }

        /** Counted by registration date. */
        public Request(ReportKind kind, int year, int tertial, Long unitId, boolean includeDescriptions,
                       BoardMeeting meeting) {
            this(kind, year, tertial, unitId, includeDescriptions, meeting, CountingRule.REGISTERED);
        }

        public Period period() {
            return tertial == 0 ? Period.year(year) : Period.tertial(year, tertial);
        }
    }

    /** Reports how far the build has come; {@code cancelled} is polled between steps. */
    @FunctionalInterface
    public interface Steps {
        void step(double fraction, String what);
    }

    private final Database db;
    private final ReportRepository repo;
    private final DeviationRepository deviations;
    private final DenominatorRepository denominators;
    private final PatternService patterns;
    private final RiskService risks;
    private final SelfCheckService selfChecks;
    private final OrganisationService organisation;
    private final se.kvalitetshjulet.data.repo.BoardFiguresRepository boardFigures;
    /** The board-shaped Bilaga 2 fields (display name, free result, actions, order); null in older wiring. */
    private se.kvalitetshjulet.service.Bilaga2Service bilaga2;
    /** Drafts "Uppföljning på aggregerad nivå" (key figures, survey, individual follow-up); null leaves it out. */
    private final se.kvalitetshjulet.service.keyfigure.AggregatedReportBuilder aggregated;

    public ReportService(Database db, ReportRepository repo, DeviationRepository deviations,
                         DenominatorRepository denominators, PatternService patterns, RiskService risks,
                         SelfCheckService selfChecks, OrganisationService organisation) {
        this(db, repo, deviations, denominators, patterns, risks, selfChecks, organisation, null);
    }

    public ReportService(Database db, ReportRepository repo, DeviationRepository deviations,
                         DenominatorRepository denominators, PatternService patterns, RiskService risks,
                         SelfCheckService selfChecks, OrganisationService organisation,
                         se.kvalitetshjulet.service.keyfigure.AggregatedReportBuilder aggregated) {
        this.aggregated = aggregated;
        this.db = db;
        this.repo = repo;
        this.deviations = deviations;
        this.denominators = denominators;
        this.patterns = patterns;
        this.risks = risks;
        this.selfChecks = selfChecks;
        this.organisation = organisation;
        this.boardFigures = new se.kvalitetshjulet.data.repo.BoardFiguresRepository(db);
    }

    private se.kvalitetshjulet.data.repo.SettingsRepository settings;
    /** Builds the report's run and control charts as the chart screen does; null leaves them out (older wiring). */
    private ChartBuilder charts;

    /** Gives the report its run and control charts with conclusions drafted from their signals (issue 20). */
    public ReportService withCharts(ChartBuilder builder) {
        this.charts = builder;
        return this;
    }

    /** Gives the report the nämnd and förvaltning for its cover (decision 0015). */
    public ReportService withSettings(se.kvalitetshjulet.data.repo.SettingsRepository s) {
        this.settings = s;
        return this;
    }

    /**
     * The cover's name of a whole-organisation report: "Arbetsmarknads- och socialnämnden · Arbetsmarknads- och
     * socialförvaltningen" from the settings, the förvaltning defaulting to the one top unit; empty when unknown.
     */
    private String coverName(OrgTree tree) {
        String board = settings == null ? null : settings.get(ReportModel.SETTING_BOARD).filter(x -> !x.isBlank())
                .orElse(null);
        String adm = settings == null ? null : settings.get(ReportModel.SETTING_ADMINISTRATION)
                .filter(x -> !x.isBlank()).orElse(null);
        if (adm == null && tree.roots().size() == 1) {
            adm = tree.roots().getFirst().name();
        }
        return java.util.stream.Stream.of(board, adm).filter(java.util.Objects::nonNull).map(String::strip)
                .collect(Collectors.joining(" · "));
    }

    /** Gives the report the board-shaped Bilaga 2 rows (decision 0015). */
    public ReportService withBilaga2(se.kvalitetshjulet.service.Bilaga2Service b) {
        this.bilaga2 = b;
        return this;
    }

    // ---- stored texts and meetings -----------------------------------------------------

    public ReportTexts texts(int year, int tertial, Long unitId) {
        return repo.texts(year, tertial, unitId).orElse(ReportTexts.empty(year, tertial, unitId));
    }

    /**
     * Stores the texts the author writes (kvalitetsberättelse, tertial texts); under "refuse" for report texts, texts
     * with identifying details are refused with a problem that names them, and nothing is stored.
     */
    public SaveResult<ReportTexts> saveTexts(ReportTexts t) {
        for (var e : t.sections().entrySet()) {
            if (e.getValue().length() > ReportTexts.MAX_SECTION) {
                return SaveResult.rejected(List.of(new se.kvalitetshjulet.domain.Problem(e.getKey(),
                        "report.validation.sectionTooLong", ReportTexts.MAX_SECTION)));
            }
        }
        if (privacy != null) {
            var refused = privacy.refusal(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.REPORT, t.freeTexts());
            if (refused.isPresent()) {
                return SaveResult.rejected(List.of(refused.get()));
            }
        }
        return SaveResult.saved(db.tx(tx -> repo.save(tx, t)));
    }

    private PrivacyService privacy;

    /** The privacy check with the coordinator's policy (Inställningar); set once by AppContext. */
    public ReportService withPrivacy(PrivacyService p) {
        this.privacy = p;
        return this;
    }

    /**
     * What the privacy check finds in a report about to be written, per section (a bundle key naming the heading,
     * e.g. {@code report.h.summary}) and kind, with how many: the last check before a file leaves the program.
     */
    public record ExportFinding(String sectionKey, PrivacyCheck.Kind kind, int count) { }

    /** The findings in every free text of {@code m} (the author's texts, Bilaga 1 and 2, included descriptions). */
    public static List<ExportFinding> exportFindings(ReportModel m) {
        Map<String, List<String>> sections = new java.util.LinkedHashMap<>();
        ReportTexts t = m.texts();
        if (t != null) {
            sections.computeIfAbsent("report.h.summary", k -> new ArrayList<>()).add(t.summary());
            sections.computeIfAbsent("report.ui.field.priorities", k -> new ArrayList<>()).add(t.priorities());
            sections.computeIfAbsent("report.ui.field.followUp", k -> new ArrayList<>()).add(t.followUp());
            sections.computeIfAbsent("report.h.analysis", k -> new ArrayList<>()).add(t.analysis());
            sections.computeIfAbsent("report.h.audits", k -> new ArrayList<>()).add(t.externalAudits());
            if (!t.sections().isEmpty()) {
                sections.computeIfAbsent("privacy.report.sections", k -> new ArrayList<>()).addAll(t.sections().values());
            }
        }
        if (m.previousTexts() != null && m.kind() == ReportKind.ANNUAL) {
            sections.computeIfAbsent("privacy.report.previousPriorities", k -> new ArrayList<>())
                    .add(m.previousTexts().priorities());
        }
        if (m.risks() != null) {
            for (var r : m.risks().appendix()) {
                sections.computeIfAbsent("privacy.report.bilaga1", k -> new ArrayList<>())
                        .addAll(java.util.Arrays.asList(r.analysis(), r.where(), r.measures(), r.improvedRoutines()));
            }
        }
        if (m.selfChecks() != null) {
            for (var r : m.selfChecks().rows()) {
                sections.computeIfAbsent("privacy.report.bilaga2", k -> new ArrayList<>())
                        .addAll(java.util.Arrays.asList(r.check(), r.result(), r.actions(), r.routines()));
            }
        }
        if (m.descriptionsIncluded()) {
            for (var d : m.descriptions()) {
                sections.computeIfAbsent("report.h.descriptions", k -> new ArrayList<>())
                        .addAll(java.util.Arrays.asList(d.title(), d.description()));
            }
        }
        List<ExportFinding> out = new ArrayList<>();
        sections.forEach((section, texts) -> {
            Map<PrivacyCheck.Kind, Integer> counts = new EnumMap<>(PrivacyCheck.Kind.class);
            for (String text : texts) {
                PrivacyCheck.check(text).forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
            }
            counts.forEach((kind, n) -> out.add(new ExportFinding(section, kind, n)));
        });
        return out;
    }

    /** Whether the policy refuses identifying details in report texts (and so in a report written from them). */
    public boolean privacyRefuses() {
        return privacy != null && privacy.refuses(se.kvalitetshjulet.domain.privacy.PrivacyPolicy.TextKind.REPORT);
    }

    /** Privacy findings (personnummer, names) in the stored texts, shown before saving. */
    public List<PrivacyCheck.Finding> privacyFindings(ReportTexts t) {
        return PrivacyCheck.checkAll(t.freeTexts());
    }

    public List<BoardMeeting> meetings(LocalDate from) {
        return repo.meetings(from);
    }

    public BoardMeeting saveMeeting(BoardMeeting m) {
        return db.tx(tx -> repo.save(tx, m));
    }

    public void deleteMeeting(long id) {
        db.txRun(tx -> repo.deleteMeeting(tx, id));
    }

    /** The next meeting on or after {@code today}, whose material deadline the app shows. */
    public java.util.Optional<BoardMeeting> nextMeeting(LocalDate today) {
        return repo.meetings(today).stream().findFirst();
    }

    /**
     * Runs the personnummer/name check over the deviation descriptions a report would include, before the user
     * decides to include them.
     */
    public List<PrivacyCheck.Finding> descriptionFindings(Request r, LocalDate today) {
        List<PrivacyCheck.Finding> out = new ArrayList<>();
        for (ReportRepository.DescriptionRow d : repo.descriptions(descriptionFilter(r), today, MAX_DESCRIPTIONS)) {
            out.addAll(PrivacyCheck.check(d.title()));
            out.addAll(PrivacyCheck.check(d.description()));
        }
        return out;
    }

    private DeviationFilter descriptionFilter(Request r) {
        Period p = r.period();
        return DeviationFilter.all().withUnits(organisation.unitScope(r.unitId(), null))
                .withPeriod(p.start(), p.end()).withKinds(EnumSet.of(DeviationKind.LEX_SARAH, DeviationKind.LEX_MARIA));
    }

    // ---- building ----------------------------------------------------------------------

    public ReportModel build(Request r, LocalDate today, Steps steps, BooleanSupplier cancelled) {
        Period period = r.period();
        Set<Long> scope = organisation.unitScope(r.unitId(), null);
        OrgTree tree = organisation.tree();
        String scopeName = r.unitId() == null ? "" : tree.find(r.unitId()).map(u -> u.name()).orElse("");
        steps.step(0.05, "texts");
        ReportTexts texts = texts(r.year(), r.tertial(), r.unitId());
        ReportTexts previous = texts(r.year() - 1, r.tertial(), r.unitId());
        check(cancelled);
        steps.step(0.15, "patterns");
        PatternReport pr = r.countBy() == CountingRule.ASSESSED
                ? patterns.compute(period, scope, today, boardFigures::monthlyCountsByAssessment)
                : patterns.compute(period, scope, today);
        BoardFigures board = boardFigures(period, scope, r.countBy());
        check(cancelled);
        steps.step(0.35, "laws");
        DeviationFilter f = DeviationFilter.all().withUnits(scope).withPeriod(period.start(), period.end());
        List<ReportRepository.KindLawCount> laws = repo.countsByKindAndLaw(f, today);
        long sarahIvo = deviations.ivoReports(f.withKinds(EnumSet.of(DeviationKind.LEX_SARAH)), today);
        long mariaIvo = deviations.ivoReports(f.withKinds(EnumSet.of(DeviationKind.LEX_MARIA)), today);
        check(cancelled);
        steps.step(0.45, "trends");
        List<ReportModel.TrendSeries> trends = trends(period, scope, r.kind() == ReportKind.ANNUAL ? 36 : 24);
        check(cancelled);
        steps.step(0.6, "risks");
        ReportModel.RiskSummary riskSummary = riskSummary(r.year(), scope);
        check(cancelled);
        steps.step(0.75, "selfChecks");
        ReportModel.SelfCheckSummary sc = selfCheckSummary(r.year(), scope);
        check(cancelled);
        steps.step(0.85, "keyFigures");
        List<ReportModel.KeyFigure> keys = keyFigures(period, scope, pr);
        List<ReportRepository.DescriptionRow> descriptions = List.of();
        int findings = 0;
        if (r.includeDescriptions()) {
            descriptions = repo.descriptions(descriptionFilter(r), today, MAX_DESCRIPTIONS);
            findings = descriptionFindings(r, today).size();
        }
        se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp agg = aggregated == null || r.kind() == ReportKind.BOARD
                ? null : aggregated.build(period, r.unitId());
        check(cancelled);
        steps.step(0.88, "charts");
        List<ReportModel.ChartConclusion> conclusions = r.kind() == ReportKind.BOARD ? List.of()
                : chartConclusions(r, texts, cancelled);
        steps.step(0.9, "done");
        return new ReportModel(r.kind(), period, r.unitId(), scopeName, today, texts, previous, pr, laws, sarahIvo,
                mariaIvo, riskSummary, sc, keys, trends, r.includeDescriptions(), descriptions, findings, r.meeting(),
                agg, r.unitId() == null ? coverName(tree) : "", conclusions, board);
    }

    /**
     * Assessments by assessment date and IVO notifications by notification date, for the period and the same period
     * of the {@link PatternService#YEARS_COMPARED} years before; scoped to the unit's subtree.
     */
    BoardFigures boardFigures(Period period, Set<Long> scope, CountingRule rule) {
        int periods = PatternService.YEARS_COMPARED + 1;
        BoardFigures.Builder b = new BoardFigures.Builder(rule, periods);
        for (int i = 0; i < periods; i++) {
            Period p = period.yearsBefore(i);
            for (var a : boardFigures.assessments(p.start(), p.end())) {
                if (scope == null || scope.contains(a.unitId())) {
                    b.assessed(i, a.kind(), se.kvalitetshjulet.domain.deviation.Assessment.valueOf(a.assessment()),
                            a.count());
                }
            }
            for (var n : boardFigures.ivoNotifications(p.start(), p.end())) {
                if (scope == null || scope.contains(n.unitId())) {
                    b.ivo(i, n.kind(), n.notified(), n.afterInvestigation(), n.decidedByIvo());
                }
            }
        }
        b.withoutDate(boardFigures.assessedWithoutDate(scope, period.start(), period.end()));
        return b.build();
    }

    /** Months of history the report's charts show: three years for the annual report, two for the others. */
    static int chartMonths(ReportKind kind) {
        return kind == ReportKind.ANNUAL ? 36 : 24;
    }

    /**
     * The run and control charts a report includes, each built by {@link ChartBuilder} exactly as the chart screen
     * would for the same settings, with the sentence {@link ConclusionDrafter} drafts from its signals and the author's
     * own from the stored texts: the control chart of all deviations in the scope, one per kind with records, and the
     * trend charts saved in the decks (mötesbilder) whose unit lies in the scope (every one for a whole-organisation
     * report), shown as a run chart where the deck shows bars and ending no later than the period. Empty without a
     * chart builder.
     */
    public List<ReportModel.ChartConclusion> chartConclusions(Request r, ReportTexts texts, BooleanSupplier cancelled) {
        if (charts == null) {
            return List.of();
        }
        Period period = r.period();
        LocalDate end = period.end();
        LocalDate start = end.withDayOfMonth(1).minusMonths(chartMonths(r.kind()) - 1L);
        ConclusionDrafter drafter = new ConclusionDrafter(charts.texts());
        List<ReportModel.ChartConclusion> out = new ArrayList<>();
        Set<se.kvalitetshjulet.domain.trend.TrendSettings> seen = new java.util.HashSet<>();
        List<String[]> wanted = new ArrayList<>();
        List<se.kvalitetshjulet.domain.trend.TrendSettings> settings = new ArrayList<>();
        wanted.add(new String[] {"all", null});
        settings.add(registerChart(null, r.unitId(), start, end));
        for (DeviationKind k : DeviationKind.values()) {
            wanted.add(new String[] {"kind." + k.name(), null});
            settings.add(registerChart(k, r.unitId(), start, end));
        }
        Set<Long> scope = r.unitId() == null ? null : organisation.unitScope(r.unitId(), null);
        for (ChartBuilder.SavedChart c : charts.savedTrendCharts()) {
            se.kvalitetshjulet.domain.trend.TrendSettings s = c.settings();
            if (scope != null && (s.unitId() == null || !scope.contains(s.unitId()))) {
                continue;
            }
            if (s.from() != null && s.from().isAfter(end)) {
                continue;
            }
            wanted.add(new String[] {"deck." + c.title(), c.title()});
            settings.add(forReport(s, end));
        }
        for (int i = 0; i < settings.size(); i++) {
            check(cancelled);
            se.kvalitetshjulet.domain.trend.TrendSettings s = settings.get(i);
            if (!seen.add(s)) {
                continue;
            }
            se.kvalitetshjulet.domain.trend.ChartData chart;
            try {
                chart = charts.build(s);
            } catch (IllegalArgumentException e) {
                continue; // nothing to count in this scope (a kind without records): no chart, not an empty one
            }
            if (chart.points().isEmpty() || chart.spc() == null) {
                continue;
            }
            String key = wanted.get(i)[0];
            String title = wanted.get(i)[1] != null ? wanted.get(i)[1] : chart.title();
            if (wanted.get(i)[1] != null) {
                chart = chart.titled(title);
            }
            out.add(new ReportModel.ChartConclusion(key, title, chart, series(chart, period.start()),
                    drafter.draft(title, chart), texts == null ? null : texts.conclusion(key)));
        }
        return out;
    }

    /** The register's own control chart of counts per month (C chart) in the scope, of one kind or all. */
    private static se.kvalitetshjulet.domain.trend.TrendSettings registerChart(DeviationKind kind, Long unitId,
                                                                              LocalDate from, LocalDate to) {
        return se.kvalitetshjulet.domain.trend.TrendSettings.trend(kind, null, unitId, null,
                se.kvalitetshjulet.domain.trend.Granularity.MONTH, se.kvalitetshjulet.domain.trend.TrendMeasure.COUNT,
                se.kvalitetshjulet.domain.trend.ChartStyle.CONTROL, from, to, null, null);
    }

    /**
     * A deck chart for a report: its own settings (freeze, phases, excluded points, direction, target) with the
     * period ending no later than the report's, and a run chart where the deck draws bars (bars do not test whether a
     * change is real).
     */
    private static se.kvalitetshjulet.domain.trend.TrendSettings forReport(se.kvalitetshjulet.domain.trend.TrendSettings s,
                                                                          LocalDate end) {
        LocalDate to = s.to() == null || s.to().isAfter(end) ? end : s.to();
        se.kvalitetshjulet.domain.trend.ChartStyle style = s.style() == se.kvalitetshjulet.domain.trend.ChartStyle.BARS
                ? se.kvalitetshjulet.domain.trend.ChartStyle.RUN : s.style();
        return new se.kvalitetshjulet.domain.trend.TrendSettings(s.chartKind(), s.kind(), s.categoryId(), s.unitId(),
                s.areaId(), s.granularity(), s.measure(), style, s.from(), to, s.freeze(), s.phaseStart(),
                s.templateFamilyId(), s.annotations(), s.riskTemplateId(), s.excluded(), s.screenMr(), s.improvement(),
                s.target());
    }

    /** The chart's line for the report's painter; points of the reported period are those from its first month on. */
    static ReportModel.TrendSeries series(se.kvalitetshjulet.domain.trend.ChartData c, LocalDate periodStart) {
        int n = c.points().size();
        List<String> labels = new ArrayList<>();
        double[] v = new double[n];
        double[] centre = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] sig = new boolean[n];
        String first = java.time.YearMonth.from(periodStart).toString();
        int firstInPeriod = n;
        boolean inPeriod = false;
        for (int i = 0; i < n; i++) {
            se.kvalitetshjulet.domain.trend.ChartData.Point p = c.points().get(i);
            labels.add(p.label());
            v[i] = p.value();
            centre[i] = p.centre();
            lo[i] = p.lower();
            hi[i] = p.upper();
            // Red marks points outside the limits; a runs signal is for the whole part and is said in the sentence.
            sig[i] = p.outside();
            if (firstInPeriod == n && p.label().compareTo(first) >= 0) {
                firstInPeriod = i;
            }
            if (i >= firstInPeriod && (sig[i] || p.inRunsSignal())) {
                inPeriod = true;
            }
        }
        return new ReportModel.TrendSeries(null, labels, v, centre, lo, hi, sig, firstInPeriod, inPeriod,
                c.explanations());
    }

    private static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException();
        }
    }

    /** Monthly counts per kind and in all for {@code months} months up to the period's end, with C-chart lines. */
    private List<ReportModel.TrendSeries> trends(Period period, Set<Long> scope, int months) {
        LocalDate end = period.end();
        LocalDate start = end.withDayOfMonth(1).minusMonths(months - 1L);
        Map<DeviationKind, double[]> byKind = new EnumMap<>(DeviationKind.class);
        double[] all = new double[months];
        for (DeviationRepository.MonthlyCount mc : deviations.monthlyCounts(start, end)) {
            if (scope != null && !scope.contains(mc.unitId())) {
                continue;
            }
            int i = (mc.year() - start.getYear()) * 12 + mc.month() - start.getMonthValue();
            if (i < 0 || i >= months) {
                continue;
            }
            byKind.computeIfAbsent(mc.kind(), k -> new double[months])[i] += mc.count();
            all[i] += mc.count();
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < months; i++) {
            labels.add(java.time.YearMonth.from(start.plusMonths(i)).toString());
        }
        int first = months - (int) java.time.temporal.ChronoUnit.MONTHS.between(
                period.start().withDayOfMonth(1), end.withDayOfMonth(1).plusMonths(1));
        List<ReportModel.TrendSeries> out = new ArrayList<>();
        out.add(series(null, labels, all, first));
        for (DeviationKind k : DeviationKind.values()) {
            out.add(series(k, labels, byKind.getOrDefault(k, new double[months]), first));
        }
        return out;
    }

    private static ReportModel.TrendSeries series(DeviationKind kind, List<String> labels, double[] values, int first) {
        List<Double> v = java.util.Arrays.stream(values).boxed().toList();
        SpcResult res = SpcEngine.compute(SpcRequest.of(ChartType.C, v));
        int n = values.length;
        double[] c = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] sig = new boolean[n];
        boolean inPeriod = false;
        for (int i = 0; i < n; i++) {
            SpcPoint p = res.points().get(i);
            c[i] = p.centreLine();
            lo[i] = p.lowerLimit();
            hi[i] = p.upperLimit();
            sig[i] = p.outside() || p.runsSignal();
            if (i >= first && sig[i]) {
                inPeriod = true;
            }
        }
        List<String> explanations = new ArrayList<>();
        SignalExplainer.forApplicationLocale().explainAll(res).forEach(explanations::addAll);
        return new ReportModel.TrendSeries(kind, labels, values, c, lo, hi, sig, first, inPeriod, explanations);
    }

    private ReportModel.RiskSummary riskSummary(int year, Set<Long> scope) {
        List<RiskAnalysisRow> rows = risks.search(new RiskFilter(null, null, scope, null, year, false)).stream()
                .filter(a -> a.status() != AnalysisStatus.UTKAST).toList();
        Set<Long> ids = rows.stream().map(RiskAnalysisRow::id).collect(Collectors.toSet());
        long riskCount = rows.stream().filter(a -> a.kind() == AnalysisKind.RISKANALYS).count();
        long eventCount = rows.stream().filter(a -> a.kind() == AnalysisKind.HANDELSEANALYS).count();
        List<AppendixRow> appendix = risks.appendix(year).stream().filter(a -> ids.contains(a.analysisId())).toList();
        return new ReportModel.RiskSummary(riskCount, eventCount, appendix);
    }

    private ReportModel.SelfCheckSummary selfCheckSummary(int year, Set<Long> scope) {
        if (bilaga2 == null) {
            return new ReportModel.SelfCheckSummary(0, 0, 0, 0, List.of(), List.of());
        }
        se.kvalitetshjulet.domain.selfcheck.Bilaga2Year y = bilaga2.year(year, scope);
        return new ReportModel.SelfCheckSummary(y.rounds(), y.units(), y.submitted(), y.findings(),
                y.rows().stream().map(ReportService::row).toList(),
                y.unanswered().stream().map(ReportService::row).toList());
    }

    private static ReportModel.Bilaga2Row row(se.kvalitetshjulet.domain.selfcheck.Bilaga2Year.Line l) {
        return new ReportModel.Bilaga2Row(l.area(), l.check(), l.unit(), l.result(), l.actions(), l.routines());
    }

    private List<ReportModel.KeyFigure> keyFigures(Period period, Set<Long> scope, PatternReport pr) {
        long total = 0;
        for (DeviationKind k : DeviationKind.values()) {
            total += pr.count(k, PatternReport.TOTAL, 0);
        }
        List<ReportModel.KeyFigure> out = new ArrayList<>();
        out.add(new ReportModel.KeyFigure("total", total, 0));
        long careDays = 0;
        long recipients = 0;
        for (DenominatorRepository.MonthSum m : denominators.monthlySums(scope, period.start(), period.end())) {
            careDays += m.careDays();
            recipients += m.recipients();
        }
        if (careDays > 0) {
            out.add(new ReportModel.KeyFigure("perCareDays", total * 1000.0 / careDays, 2));
        }
        if (recipients > 0) {
            out.add(new ReportModel.KeyFigure("perRecipients", total * 100.0 / recipients, 2));
        }
        out.add(new ReportModel.KeyFigure("ivo", pr.ivoReports(), 0));
        return out;
    }
}
