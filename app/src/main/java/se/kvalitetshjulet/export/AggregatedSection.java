package se.kvalitetshjulet.export;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import se.kvalitetshjulet.domain.keyfigure.ComparedValue;
import se.kvalitetshjulet.domain.keyfigure.ComparisonRow;
import se.kvalitetshjulet.domain.keyfigure.FollowUpCount;
import se.kvalitetshjulet.domain.keyfigure.FollowUpMeasure;
import se.kvalitetshjulet.domain.keyfigure.ShareSeries;
import se.kvalitetshjulet.domain.keyfigure.SurveyChange;
import se.kvalitetshjulet.domain.keyfigure.SurveyRules;
import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.domain.spc.SpcPoint;
import se.kvalitetshjulet.service.report.ReportModel;
import se.kvalitetshjulet.service.keyfigure.AggregatedFollowUp;
import se.kvalitetshjulet.service.keyfigure.FollowUpService;

/**
 * Lays out "Uppföljning på aggregerad nivå" (decision 0012): the user survey (kvalitetsberättelse §2.4), the
 * comparisons with other municipalities (§2.5) and the aggregated individual follow-up, each value with what it rests
 * on — interval, respondents, response rate — and a verdict only where the intervals allow one.
 */
final class AggregatedSection {
    private final ReportModel m;
    private final ResourceBundle b;
    private final List<ReportDocument.Block> out;

    AggregatedSection(ReportModel m, ResourceBundle b, List<ReportDocument.Block> out) {
        this.m = m;
        this.b = b;
        this.out = out;
    }

    private String s(String key, Object... args) {
        return ReportDocument.fmt(b, key, args);
    }

    void write() {
        AggregatedFollowUp a = m.aggregated();
        if (a == null) {
            return;
        }
        out.add(new ReportDocument.Heading(1, s("kf.report.h.aggregated")));
        out.add(new ReportDocument.Paragraph(s("kf.report.method", SurveyRules.SUPPRESSION_THRESHOLD), false));
        if (m.kind() == ReportKind.ANNUAL) {
            survey(a);
            comparisons(a);
        }
        own(a);
        followUp(a);
        if (m.kind() == ReportKind.TERTIAL && !a.survey().isEmpty()) {
            survey(a);
        }
    }

    // ---- the user survey -----------------------------------------------------------------

    private void survey(AggregatedFollowUp a) {
        out.add(new ReportDocument.Heading(2, s("kf.report.h.survey")));
        if (a.survey().isEmpty()) {
            out.add(new ReportDocument.Paragraph(s("kf.report.survey.none"), false));
            return;
        }
        long clear = a.survey().stream().filter(c -> c.verdict() == se.kvalitetshjulet.domain.keyfigure.Verdict.HIGHER
                || c.verdict() == se.kvalitetshjulet.domain.keyfigure.Verdict.LOWER).count();
        long suppressed = a.survey().stream().filter(c -> c.current().suppressed()).count();
        out.add(new ReportDocument.Paragraph(s("kf.report.survey.summary", Integer.toString(a.surveyYear()),
                Long.toString(a.survey().stream().map(SurveyChange::unitId).distinct().count()),
                Long.toString(a.survey().size()), Long.toString(clear), Long.toString(suppressed)), false));
        List<List<String>> rows = new ArrayList<>();
        for (SurveyChange c : a.survey()) {
            rows.add(List.of(c.unit(), c.question(), value(c.previous()), value(c.current()), change(c),
                    s("kf.change." + c.verdict().name())));
        }
        out.add(new ReportDocument.Table(s("kf.report.sheet.survey"), List.of(s("kf.col.unit"), s("kf.col.question"),
                Integer.toString(a.surveyYear() - 1), Integer.toString(a.surveyYear()), s("kf.col.changePoints"),
                s("kf.col.verdict")), rows, new float[] {3, 4, 3, 3, 1.5f, 2.5f}));
        if (suppressed > 0) {
            out.add(new ReportDocument.Paragraph(s("kf.report.suppressedNote", SurveyRules.SUPPRESSION_THRESHOLD), false));
        }
    }

    private String change(SurveyChange c) {
        Double d = c.changePoints();
        return d == null ? "–" : (d > 0 ? "+" : "") + ReportDocument.number(d, 0);
    }

    // ---- comparisons ---------------------------------------------------------------------

    private void comparisons(AggregatedFollowUp a) {
        out.add(new ReportDocument.Heading(2, s("kf.report.h.comparisons")));
        if (a.comparisons().isEmpty()) {
            out.add(new ReportDocument.Paragraph(s("kf.report.comparisons.none"), false));
            return;
        }
        out.add(new ReportDocument.Paragraph(s("kf.report.comparisons.intro"), false));
        for (AggregatedFollowUp.KpiComparison k : a.comparisons()) {
            out.add(new ReportDocument.Paragraph(k.title() + " (" + k.kpiId() + "), " + k.year(), true));
            List<List<String>> rows = new ArrayList<>();
            boolean groups = false;
            for (ComparisonRow r : k.rows()) {
                ComparedValue v = r.value();
                groups |= v.unweighted();
                rows.add(List.of(v.label() + (r.own() ? " " + s("kf.own") : ""), number(v.value()),
                        v.interval() == null ? "–" : interval(v), v.respondents() == null ? "–" : Integer.toString(v.respondents()),
                        v.responseRate() == null ? "–" : ReportDocument.number(v.responseRate(), 0) + " %",
                        r.own() ? "" : s("kf.verdict." + r.againstOwn().name()) + (v.status().isBlank() ? "" : " (" + v.status() + ")")));
            }
            out.add(new ReportDocument.Table(k.kpiId(), List.of(s("kf.col.municipality"), s("kf.col.value"),
                    s("kf.col.interval"), s("kf.col.respondents"), s("kf.col.responseRate"), s("kf.col.againstOwn")), rows,
                    new float[] {3, 1.2f, 1.8f, 1.2f, 1.4f, 3}));
            if (groups) {
                out.add(new ReportDocument.Paragraph(s("kf.report.groupNote"), false));
            }
        }
        out.add(new ReportDocument.Paragraph(s("kf.report.source"), false));
    }

    // ---- own key figures -----------------------------------------------------------------

    private void own(AggregatedFollowUp a) {
        if (a.ownFigures().isEmpty()) {
            return;
        }
        out.add(new ReportDocument.Heading(2, s("kf.report.h.own")));
        List<List<String>> rows = new ArrayList<>();
        for (AggregatedFollowUp.OwnFigureRow r : a.ownFigures()) {
            String unitLabel = r.unitLabel() == null ? "" : " " + r.unitLabel();
            rows.add(List.of(r.figure(), r.unit(), r.latestPeriod() + ": " + number1(r.latest()) + unitLabel
                            + (r.latestN() == null ? "" : " (n = " + r.latestN() + ")"),
                    r.previousPeriod() == null ? "–" : r.previousPeriod() + ": " + number1(r.previous()) + unitLabel,
                    String.join(" ", r.runSignals())));
        }
        out.add(new ReportDocument.Table(s("kf.report.sheet.own"), List.of(s("kf.col.figure"), s("kf.col.unit"),
                s("kf.col.latest"), s("kf.col.previous"), s("kf.col.runChart")), rows, new float[] {3, 2.5f, 2, 2, 4}));
        out.add(new ReportDocument.Paragraph(s("kf.report.own.note"), false));
    }

    // ---- individual follow-up ------------------------------------------------------------

    private void followUp(AggregatedFollowUp a) {
        out.add(new ReportDocument.Heading(2, s("kf.report.h.followUp")));
        FollowUpCount t = a.followUpTotal();
        if (t.followUps() == 0) {
            out.add(new ReportDocument.Paragraph(s("kf.report.followUp.none", m.period().label()), false));
            return;
        }
        out.add(new ReportDocument.Paragraph(s("kf.report.followUp.summary", m.period().label(),
                Integer.toString(t.followUps()), share(t, FollowUpMeasure.PLAN_EXISTS),
                share(t, FollowUpMeasure.PLAN_UP_TO_DATE), share(t, FollowUpMeasure.MEETS_DECISION),
                share(t, FollowUpMeasure.WISHES_FOLLOWED_UP)), false));
        List<List<String>> rows = new ArrayList<>();
        for (FollowUpCount c : a.followUpByUnit()) {
            rows.add(List.of(c.label(), Integer.toString(c.followUps()), share(c, FollowUpMeasure.PLAN_EXISTS),
                    share(c, FollowUpMeasure.PLAN_UP_TO_DATE), share(c, FollowUpMeasure.MEETS_DECISION),
                    share(c, FollowUpMeasure.WISHES_FOLLOWED_UP)));
        }
        List<String> header = List.of(s("kf.col.unit"), s("kf.col.followUps"), s("kf.measure.PLAN_EXISTS"),
                s("kf.measure.PLAN_UP_TO_DATE"), s("kf.measure.MEETS_DECISION"), s("kf.measure.WISHES_FOLLOWED_UP"));
        out.add(new ReportDocument.Table(s("kf.report.sheet.followUp"), header, rows, new float[] {3, 1.2f, 2, 2, 2, 2}));
        if (!a.tertials().isEmpty()) {
            out.add(new ReportDocument.Paragraph(s("kf.report.followUp.tertials", Integer.toString(m.period().year())), true));
            List<List<String>> trows = new ArrayList<>();
            for (FollowUpService.TertialRow r : a.tertials()) {
                trows.add(List.of(r.unit(), "T" + r.tertial(), Integer.toString(r.count().followUps()),
                        share(r.count(), FollowUpMeasure.PLAN_EXISTS), share(r.count(), FollowUpMeasure.MEETS_DECISION)));
            }
            out.add(new ReportDocument.Table(s("kf.report.sheet.tertials"), List.of(s("kf.col.unit"), s("kf.col.tertial"),
                    s("kf.col.followUps"), s("kf.measure.PLAN_EXISTS"), s("kf.measure.MEETS_DECISION")), trows,
                    new float[] {3, 1, 1.2f, 2.5f, 2.5f}));
        }
        ReportModel.TrendSeries series = series(a.planSeries());
        if (series != null) {
            out.add(new ReportDocument.Chart(new ReportDocument.Line(s("kf.report.chart.plan"), series)));
        }
        if (!a.planExplanations().isEmpty()) {
            out.add(new ReportDocument.Paragraph(s("kf.report.chart.planSignals") + " " + String.join(" ",
                    a.planExplanations()), false));
        }
    }

    /** The P chart as a report line chart, from the first month with follow-ups; null when months are missing. */
    private static ReportModel.TrendSeries series(ShareSeries p) {
        int first = 0;
        while (first < p.assessed().length && p.assessed()[first] == 0) {
            first++;
        }
        int n = p.assessed().length - first;
        if (n < 2) {
            return null;
        }
        double[] v = new double[n];
        double[] c = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] sig = new boolean[n];
        for (int i = 0; i < n; i++) {
            SpcPoint pt = p.chart().points().get(first + i);
            if (pt.isMissing()) {
                return null; // a gap would be drawn as 0 %: show the table instead
            }
            v[i] = pt.value() * 100;
            c[i] = pt.centreLine() * 100;
            lo[i] = pt.lowerLimit() * 100;
            hi[i] = pt.upperLimit() * 100;
            sig[i] = pt.outside() || pt.runsSignal();
        }
        return new ReportModel.TrendSeries(null, p.labels().subList(first, p.labels().size()), v, c, lo, hi, sig, 0,
                false, List.of());
    }

    private String share(FollowUpCount c, FollowUpMeasure m) {
        ComparedValue v = c.compared(m);
        if (v.value() == null) {
            return "–";
        }
        return ReportDocument.number(v.value(), 0) + " % (" + ReportDocument.number(v.interval().lower(), 0) + "–"
                + ReportDocument.number(v.interval().upper(), 0) + "; n = " + v.respondents() + ")";
    }

    private String value(ComparedValue v) {
        if (v == null) {
            return s("kf.value.noPrevious");
        }
        if (v.suppressed()) {
            return s("kf.value.suppressed", v.respondents());
        }
        if (v.value() == null) {
            return s("kf.value.missing");
        }
        StringBuilder sb = new StringBuilder(ReportDocument.number(v.value(), 0)).append(" %");
        if (v.interval() != null) {
            sb.append(" (").append(ReportDocument.number(v.interval().lower(), 0)).append("–")
                    .append(ReportDocument.number(v.interval().upper(), 0)).append(")");
        }
        if (v.respondents() != null) {
            sb.append("; ").append(s("kf.value.respondents", v.respondents()));
        }
        if (v.responseRate() != null) {
            sb.append(", ").append(s("kf.value.rate", ReportDocument.number(v.responseRate(), 0)));
        }
        return sb.toString();
    }

    private String interval(ComparedValue v) {
        return ReportDocument.number(v.interval().lower(), 0) + "–" + ReportDocument.number(v.interval().upper(), 0);
    }

    private String number(Double d) {
        return d == null ? s("kf.value.missing") : ReportDocument.number(d, 1);
    }

    private static String number1(Double d) {
        return d == null ? "–" : ReportDocument.number(d, 1);
    }
}
