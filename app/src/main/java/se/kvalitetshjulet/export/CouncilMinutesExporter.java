package se.kvalitetshjulet.export;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.service.CouncilService;

/**
 * Protokoll från kvalitetsrådet: participants, agenda, deviations reviewed, patterns seen, follow-up of the
 * previous decisions, decisions with responsible and due date, analyses ordered. Rendered to DOCX and PDF by the
 * same writers as the risk analysis report; free text is masked for identity numbers.
 */
public final class CouncilMinutesExporter {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ResourceBundle bundle;

    public CouncilMinutesExporter(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public void docx(CouncilService.MeetingView view, Path target) {
        RiskReportExporter.docx(blocks(view), title(view), bundle.getString("risk.report.page"), target);
    }

    public void pdf(CouncilService.MeetingView view, Path target) {
        RiskReportExporter.pdf(blocks(view), title(view), bundle.getString("risk.report.pageOf"), target);
    }

    String title(CouncilService.MeetingView v) {
        return text("council.minutes.title", v.meeting().title(), v.unitName(), DATE.format(v.meeting().heldOn()));
    }

    List<RiskDocument.Block> blocks(CouncilService.MeetingView v) {
        Meeting m = v.meeting();
        List<RiskDocument.Block> out = new ArrayList<>();
        out.add(new RiskDocument.Heading(1, title(v)));
        out.add(new RiskDocument.Paragraph(text("council.minutes.meta", v.unitName(), DATE.format(m.heldOn()),
                v.previous() == null ? "–" : DATE.format(v.previous().heldOn())), false));

        out.add(new RiskDocument.Heading(2, text("council.minutes.participants")));
        if (m.participants().isEmpty()) {
            out.add(new RiskDocument.Paragraph(text("council.minutes.none"), false));
        } else {
            List<List<RiskDocument.Cell>> rows = new ArrayList<>();
            for (Meeting.Participant p : m.participants()) {
                rows.add(List.of(cell(p.name()), cell(p.role())));
            }
            out.add(new RiskDocument.Table(List.of(text("council.col.name"), text("council.col.role")), rows,
                    new float[] {1, 1}));
        }

        out.add(new RiskDocument.Heading(2, text("council.minutes.agenda")));
        int n = 1;
        StringBuilder agenda = new StringBuilder();
        for (AgendaItem item : v.agenda()) {
            agenda.append(n++).append(". ").append(agendaText(item)).append('\n');
        }
        out.add(new RiskDocument.Paragraph(agenda.toString().strip(), false));

        out.add(new RiskDocument.Heading(2, text("council.minutes.followUp")));
        if (v.followUps().isEmpty()) {
            out.add(new RiskDocument.Paragraph(text("council.minutes.none"), false));
        } else {
            List<List<RiskDocument.Cell>> rows = new ArrayList<>();
            for (FollowUpItem f : v.followUps()) {
                rows.add(List.of(cell(f.action().what()), cell(f.action().responsible()),
                        cell(f.action().dueOn() == null ? "" : DATE.format(f.action().dueOn())),
                        cell(f.outcome() == null ? text("council.followUp.notRecorded")
                                : text("enum.FollowUpOutcome." + f.outcome().name())), cell(f.note())));
            }
            out.add(new RiskDocument.Table(List.of(text("action.col.what"), text("action.col.responsible"),
                    text("action.col.due"), text("council.col.outcome"), text("council.col.note")), rows,
                    new float[] {4, 2, 1.5f, 1.5f, 3}));
        }

        out.add(new RiskDocument.Heading(2, text("council.minutes.deviations", v.deviationCount())));
        List<List<RiskDocument.Cell>> devRows = new ArrayList<>();
        for (DeviationRow d : v.deviations()) {
            if (v.reviewed().contains(d.id())) {
                devRows.add(List.of(cell(d.caseRef()), cell(DATE.format(d.registeredOn())), cell(d.unitName()),
                        cell(d.title())));
            }
        }
        out.add(new RiskDocument.Paragraph(text("council.minutes.reviewedCount", devRows.size(), v.deviationCount()), false));
        if (!devRows.isEmpty()) {
            out.add(new RiskDocument.Table(List.of(text("deviation.col.caseRef"), text("council.col.registered"),
                    text("deviation.col.unit"), text("deviation.col.title")), devRows, new float[] {2, 1.5f, 2, 5}));
        }

        out.add(new RiskDocument.Heading(2, text("council.minutes.patterns")));
        out.add(new RiskDocument.Paragraph(blankToDash(m.patterns()), false));

        out.add(new RiskDocument.Heading(2, text("council.minutes.decisions")));
        if (v.decisions().isEmpty()) {
            out.add(new RiskDocument.Paragraph(text("council.minutes.none"), false));
        } else {
            List<List<RiskDocument.Cell>> rows = new ArrayList<>();
            for (ActionRow d : v.decisions()) {
                rows.add(List.of(cell(d.measure().what()), cell(d.measure().responsible()),
                        cell(d.measure().dueOn() == null ? "" : DATE.format(d.measure().dueOn()))));
            }
            out.add(new RiskDocument.Table(List.of(text("action.col.what"), text("action.col.responsible"),
                    text("action.col.due")), rows, new float[] {6, 2, 1.5f}));
        }
        if (!v.analyses().isEmpty()) {
            out.add(new RiskDocument.Heading(2, text("council.minutes.analyses")));
            StringBuilder sb = new StringBuilder();
            v.analyses().forEach(a -> sb.append("• ").append(SafeCells.maskIdentityNumbers(a.title())).append('\n'));
            out.add(new RiskDocument.Paragraph(sb.toString().strip(), false));
        }
        if (m.notes() != null && !m.notes().isBlank()) {
            out.add(new RiskDocument.Heading(2, text("council.minutes.notes")));
            out.add(new RiskDocument.Paragraph(blankToDash(m.notes()), false));
        }
        return out;
    }

    private String agendaText(AgendaItem item) {
        return switch (item.kind()) {
            case FOLLOW_UP -> text("council.agenda.FOLLOW_UP", item.count());
            case DEVIATIONS_SINCE -> text("council.agenda.DEVIATIONS_SINCE", item.count(), item.label());
            case OVERDUE_ACTIONS -> text("council.agenda.OVERDUE_ACTIONS", item.count());
            case CHART_SIGNAL -> text("council.agenda.CHART_SIGNAL", seriesName(item.label()),
                    item.signal().median(), item.signal().latest());
            case ADDED -> SafeCells.maskIdentityNumbers(item.label())
                    + (item.detail() == null || item.detail().isBlank() ? "" : " – " + SafeCells.maskIdentityNumbers(item.detail()));
        };
    }

    private String seriesName(String series) {
        return "ALL".equals(series) ? text("council.series.all") : text("enum.DeviationKind." + series);
    }

    private static RiskDocument.Cell cell(String s) {
        return new RiskDocument.Cell(s == null ? "" : SafeCells.maskIdentityNumbers(s), null);
    }

    private static String blankToDash(String s) {
        return s == null || s.isBlank() ? "–" : SafeCells.maskIdentityNumbers(s.strip());
    }

    private String text(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : se.kvalitetshjulet.domain.NumberText.of(bundle.getLocale()).message(pattern, bundle.getLocale(), args);
    }
}
