package se.kvalitetshjulet.export;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import se.kvalitetshjulet.domain.deviation.Measure;
import se.kvalitetshjulet.domain.risk.AnalysisKind;
import se.kvalitetshjulet.domain.risk.EventStep;
import se.kvalitetshjulet.domain.risk.MeasureState;
import se.kvalitetshjulet.domain.risk.Risk;
import se.kvalitetshjulet.domain.risk.RiskAnalysis;
import se.kvalitetshjulet.domain.risk.RiskMatrix;
import se.kvalitetshjulet.domain.risk.ScoreBand;
import se.kvalitetshjulet.domain.risk.TimelineEntry;
import se.kvalitetshjulet.domain.risk.UnderlyingCause;
import se.kvalitetshjulet.service.RiskReport;

/**
 * The decision document of one analysis as a list of blocks (headings, paragraphs, tables) that the DOCX and PDF
 * writers render the same way. Free text is masked for identity numbers.
 */
final class RiskDocument {
    sealed interface Block permits Heading, Paragraph, Table { }

    record Heading(int level, String text) implements Block { }

    record Paragraph(String text, boolean bold) implements Block { }

    /** A cell's background colour is #rrggbb or null. */
    record Cell(String text, String colour) { }

    record Table(List<String> header, List<List<Cell>> rows, float[] widths) implements Block { }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RiskDocument() {
    }

    static String title(RiskReport r) {
        return SafeCells.maskIdentityNumbers(r.analysis().title());
    }

    static List<Block> build(RiskReport r, ResourceBundle b, java.time.LocalDate today) {
        RiskAnalysis a = r.analysis();
        RiskMatrix m = r.template().matrix();
        List<Block> out = new ArrayList<>();
        out.add(new Heading(1, b.getString("enum.AnalysisKind." + a.kind().name()) + ": " + title(r)));
        out.add(new Table(List.of(b.getString("risk.report.field"), b.getString("risk.report.value")), List.of(
                row(b.getString("risk.field.unit"), r.unitPath()),
                row(b.getString("risk.field.level"), b.getString("enum.AnalysisLevel." + a.level().name())),
                row(b.getString("risk.field.trigger"), triggerName(b, r)),
                row(b.getString("risk.field.analysedOn"), date(a.analysedOn())),
                row(b.getString("risk.field.participants"), text(a.participants())),
                row(b.getString("risk.field.status"), b.getString("enum.AnalysisStatus." + a.status().name())),
                row(b.getString("risk.field.template"), r.template().name())), new float[] {1, 3}));
        if (!blank(a.processDescription())) {
            out.add(new Heading(2, b.getString("risk.field.process")));
            out.add(new Paragraph(text(a.processDescription()), false));
        }
        if (!r.deviations().isEmpty()) {
            out.add(new Heading(2, b.getString("risk.report.deviations")));
            for (var d : r.deviations()) {
                out.add(new Paragraph(d.caseRef() + " – " + text(d.title()), false));
            }
        }
        if (a.kind() == AnalysisKind.HANDELSEANALYS || a.steps().stream().anyMatch(s -> !blank(s.text()))) {
            out.add(new Heading(2, b.getString("risk.report.steps")));
            List<List<Cell>> rows = new ArrayList<>();
            for (EventStep s : a.steps()) {
                String name = s.number() <= r.template().steps().size() ? r.template().steps().get(s.number() - 1) : "";
                rows.add(List.of(new Cell(s.number() + ". " + name, null),
                        new Cell(s.done() ? b.getString("risk.report.done") : b.getString("risk.report.notDone"), null),
                        new Cell(text(s.text()), null)));
            }
            out.add(new Table(List.of(b.getString("risk.report.step"), b.getString("risk.report.stepDone"),
                    b.getString("risk.report.stepText")), rows, new float[] {2, 1, 4}));
        }
        if (!a.timeline().isEmpty()) {
            out.add(new Heading(2, b.getString("risk.tab.timeline")));
            List<List<Cell>> rows = new ArrayList<>();
            for (TimelineEntry t : a.timeline()) {
                rows.add(List.of(new Cell(WHEN.format(t.at()), null), new Cell(text(t.what()), null)));
            }
            out.add(new Table(List.of(b.getString("risk.timeline.at"), b.getString("risk.timeline.what")), rows,
                    new float[] {1, 4}));
        }
        if (!a.causes().isEmpty()) {
            out.add(new Heading(2, b.getString("risk.report.causes")));
            List<List<Cell>> rows = new ArrayList<>();
            for (UnderlyingCause c : a.causes()) {
                rows.add(List.of(new Cell(b.getString("enum.CauseCategory." + c.category().name()), null),
                        new Cell(text(c.text()), null)));
            }
            out.add(new Table(List.of(b.getString("risk.cause.category"), b.getString("risk.cause.text")), rows,
                    new float[] {1, 4}));
        }
        if (!a.risks().isEmpty()) {
            out.add(new Heading(2, b.getString("risk.report.risks")));
            List<List<Cell>> rows = new ArrayList<>();
            int n = 1;
            for (Risk k : a.risks()) {
                rows.add(List.of(new Cell(Integer.toString(n++), null),
                        new Cell(text(k.description()) + (blank(k.causes()) ? "" : "\n" + b.getString("risk.field.causes")
                                + ": " + text(k.causes())) + (blank(k.barriers()) ? "" : "\n"
                                + b.getString("risk.field.barriers") + ": " + text(k.barriers())), null),
                        new Cell(level(k.probability()), null), new Cell(level(k.consequence()), null),
                        scoreCell(m, k.probability(), k.consequence()),
                        scoreCell(m, k.residualProbability(), k.residualConsequence())));
            }
            out.add(new Table(List.of("#", b.getString("risk.field.description"), b.getString("risk.report.p"),
                    b.getString("risk.report.c"), b.getString("risk.report.before"), b.getString("risk.report.after")),
                    rows, new float[] {0.4f, 5, 0.6f, 0.6f, 1.6f, 1.6f}));
            out.add(new Paragraph(b.getString("risk.report.matrixNote").replace("{0}", Integer.toString(m.size()))
                    .replace("{1}", bandsText(m)), false));
        }
        out.add(new Heading(2, b.getString("risk.report.measures")));
        if (r.measures().isEmpty()) {
            out.add(new Paragraph(b.getString("risk.report.noMeasures") + " " + text(a.noMeasuresReason()), false));
        } else {
            List<List<Cell>> rows = new ArrayList<>();
            for (Measure me : r.measures()) {
                rows.add(List.of(new Cell(text(me.what()), null), new Cell(text(me.responsible()), null),
                        new Cell(date(me.dueOn()), null),
                        new Cell(b.getString("enum.MeasureState." + MeasureState.of(me, today).name()), null),
                        new Cell(text(me.effectCheck()), null)));
            }
            out.add(new Table(List.of(b.getString("risk.measure.what"), b.getString("risk.measure.responsible"),
                    b.getString("risk.measure.due"), b.getString("risk.measure.state"),
                    b.getString("risk.measure.effect")), rows, new float[] {4, 1.5f, 1.2f, 1.2f, 2.5f}));
        }
        if (!blank(a.improvedRoutines())) {
            out.add(new Heading(2, b.getString("risk.field.improvedRoutines")));
            out.add(new Paragraph(text(a.improvedRoutines()), false));
        }
        out.add(new Heading(2, b.getString("risk.report.decision")));
        out.add(new Table(List.of(b.getString("risk.report.field"), b.getString("risk.report.value")), List.of(
                row(b.getString("risk.field.followUpOn"), date(a.followUpOn())),
                row(b.getString("risk.field.decidedBy"), text(a.decidedBy())),
                row(b.getString("risk.field.decidedOn"), date(a.decidedOn()))), new float[] {1, 3}));
        return out;
    }

    private static Cell scoreCell(RiskMatrix m, Integer p, Integer c) {
        if (!m.inRange(p) || !m.inRange(c)) {
            return new Cell("–", null);
        }
        int score = m.score(p, c);
        ScoreBand band = m.band(score);
        return new Cell(score + " " + band.label(), band.colour());
    }

    private static String bandsText(RiskMatrix m) {
        List<String> parts = new ArrayList<>();
        for (ScoreBand band : m.bands()) {
            parts.add(band.label() + " " + band.from() + "–" + band.to());
        }
        return String.join(", ", parts);
    }

    private static List<Cell> row(String label, String value) {
        return List.of(new Cell(label, null), new Cell(value == null ? "" : value, null));
    }

    private static String level(Integer v) {
        return v == null ? "–" : v.toString();
    }

    private static String date(java.time.LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    private static String text(String s) {
        return s == null ? "" : SafeCells.maskIdentityNumbers(s.strip());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The reason's text in the bundle for the built-in reasons; a reason the coordinator added has its list name. */
    private static String triggerName(ResourceBundle b, RiskReport r) {
        var a = r.analysis();
        if (a.trigger() == null) {
            return "";
        }
        String key = "enum.RiskTrigger." + a.trigger().code();
        if (b.containsKey(key)) {
            return b.getString(key);
        }
        return r.reasonName() == null ? a.trigger().code() : r.reasonName();
    }
}
