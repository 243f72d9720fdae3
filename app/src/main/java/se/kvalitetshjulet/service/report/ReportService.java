package se.kvalitetshjulet.service.report;

import se.kvalitetshjulet.service.SelfCheckService;
import se.kvalitetshjulet.service.RiskService;
import se.kvalitetshjulet.service.PatternService;
import se.kvalitetshjulet.service.OrganisationService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
import se.kvalitetshjulet.domain.selfcheck.Compilation;
import se.kvalitetshjulet.domain.selfcheck.ResponseStatus;
import se.kvalitetshjulet.domain.selfcheck.RoundRow;
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
                          BoardMeeting meeting) {
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
    /** The board-shaped Bilaga 2 fields (display name, free result, actions, order); null in older wiring. */
    private se.kvalitetshjulet.data.repo.Bilaga2Repository boardRows;
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
    }

    private se.kvalitetshjulet.data.repo.SettingsRepository settings;

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
    public ReportService withBoardRows(se.kvalitetshjulet.data.repo.Bilaga2Repository rows) {
        this.boardRows = rows;
        return this;
    }

    // ---- stored texts and meetings -----------------------------------------------------

    public ReportTexts texts(int year, int tertial, Long unitId) {
        return repo.texts(year, tertial, unitId).orElse(ReportTexts.empty(year, tertial, unitId));
    }

    public ReportTexts saveTexts(ReportTexts t) {
        return db.tx(tx -> repo.save(tx, t));
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
        PatternReport pr = patterns.compute(period, scope, today);
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
        steps.step(0.9, "done");
        return new ReportModel(r.kind(), period, r.unitId(), scopeName, today, texts, previous, pr, laws, sarahIvo,
                mariaIvo, riskSummary, sc, keys, trends, r.includeDescriptions(), descriptions, findings, r.meeting(),
                agg, r.unitId() == null ? coverName(tree) : "");
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
        long rounds = 0;
        long units = 0;
        long submitted = 0;
        long findings = 0;
        record Placed(ReportModel.Bilaga2Row row, Integer position) { }
        List<Placed> rows = new ArrayList<>();
        List<Placed> unanswered = new ArrayList<>();
        for (RoundRow rr : selfChecks.rounds()) {
            if (rr.round().periodStart() == null || rr.round().periodStart().getYear() != year) {
                continue;
            }
            Compilation c = selfChecks.compile(rr.round().id());
            List<Compilation.UnitResult> mine = c.units().stream()
                    .filter(u -> scope == null || scope.contains(u.unitId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            Map<Long, se.kvalitetshjulet.data.repo.Bilaga2Repository.BoardRow> board = boardRows == null ? Map.of()
                    : boardRows.rows(rr.round().id());
            rounds++;
            units += mine.size();
            for (Compilation.UnitResult u : mine) {
                var b = board.get(u.responseId());
                String unit = b != null && b.displayName() != null ? b.displayName() : u.unitName();
                Integer pos = b == null ? null : b.position();
                String area = u.area() == null ? "" : u.area();
                if (u.status() != ResponseStatus.SUBMITTED) {
                    // Not answered: listed apart, never as a result (issue 21).
                    unanswered.add(new Placed(new ReportModel.Bilaga2Row(area, c.template().name(), unit,
                            u.result().phrase(), "", ""), pos));
                    continue;
                }
                submitted++;
                findings += u.findings();
                String result = b != null && b.resultText() != null ? b.resultText() : u.result().phrase() + ".";
                String actions = b != null && b.actionsText() != null ? b.actionsText() : String.join("; ", u.actions());
                // What the coordinator wrote, never the question's legal reference.
                String routines = u.routinesText() == null ? "" : u.routinesText();
                rows.add(new Placed(new ReportModel.Bilaga2Row(area, c.template().name(), unit, result, actions, routines),
                        pos));
            }
        }
        List<String> areaOrder = organisation.businessAreas().stream().map(a -> a.name()).toList();
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < areaOrder.size(); i++) {
            order.put(areaOrder.get(i), i);
        }
        java.util.Comparator<Placed> byBoard = java.util.Comparator
                .comparingInt((Placed p) -> order.getOrDefault(p.row().area(), Integer.MAX_VALUE))
                .thenComparingInt(p -> p.position() == null ? Integer.MAX_VALUE : p.position())
                .thenComparing(p -> p.row().check()).thenComparing(p -> p.row().unit());
        return new ReportModel.SelfCheckSummary(rounds, units, submitted, findings,
                rows.stream().sorted(byBoard).map(Placed::row).toList(),
                unanswered.stream().sorted(byBoard).map(Placed::row).toList());
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
