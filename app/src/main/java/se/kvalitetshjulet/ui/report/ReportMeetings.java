package se.kvalitetshjulet.ui.report;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.report.BoardMeeting;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The board meetings of the report screen: the list with each meeting's material deadline, the next deadline in
 * words (red when it has passed), adding a meeting (not in the past) and deleting one after a question.
 */
final class ReportMeetings {
    private final ReportContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final Supplier<Long> unitId;
    private final Consumer<Throwable> failed;

    private final ObservableList<BoardMeeting> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<BoardMeeting> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> newDate = new SimpleObjectProperty<>();
    private final StringProperty newTitle = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty deadlineText = new SimpleStringProperty("");
    private final BooleanProperty deadlineOverdue = new SimpleBooleanProperty();

    final Command add;
    final Command delete;

    /**
     * @param unitId the unit the screen has chosen (null: the whole organisation), stored with a new meeting
     * @param failed what to do when reading or writing fails
     */
    ReportMeetings(ReportContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                   Supplier<Long> unitId, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.unitId = unitId;
        this.failed = failed;
        add = new Command(this::add, newDate.isNotNull().and(busy.not()));
        delete = new Command(this::delete, selected.isNotNull().and(busy.not()));
    }

    /** The meeting board material is for: the chosen one, else the next one, else none. */
    BoardMeeting forBoardMaterial() {
        return selected.get() != null ? selected.get() : meetings.isEmpty() ? null : meetings.getFirst();
    }

    /** Shows a freshly read list (the next meeting first), keeping the selection where it still exists. */
    void show(List<BoardMeeting> list) {
        BoardMeeting sel = selected.get();
        meetings.setAll(list);
        selected.set(sel == null ? null : list.stream().filter(m -> m.id().equals(sel.id())).findFirst()
                .orElse(null));
        LocalDate today = ctx.today();
        if (list.isEmpty()) {
            deadlineText.set(i18n.get("report.ui.meeting.none"));
            deadlineOverdue.set(false);
            return;
        }
        BoardMeeting next = list.getFirst();
        deadlineOverdue.set(next.deadlinePassed(today));
        deadlineText.set(i18n.get("report.ui.meeting.next", next.meetingOn().toString(), next.title(),
                next.deadline().toString(), daysText(next, today)));
    }

    private String daysText(BoardMeeting m, LocalDate today) {
        long d = m.daysToDeadline(today);
        if (d == 0) {
            return i18n.get("report.ui.meeting.today");
        }
        return d > 0 ? i18n.get("report.ui.meeting.daysLeft", d) : i18n.get("report.ui.meeting.daysLate", -d);
    }

    /** The line a meeting is listed with: date, title and the deadline of its material. */
    String line(BoardMeeting m) {
        return i18n.get("report.ui.meeting.line", m.meetingOn().toString(), m.title(), m.deadline().toString(),
                daysText(m, ctx.today()));
    }

    boolean overdue(BoardMeeting m) {
        return m.deadlinePassed(ctx.today());
    }

    private record Added(BoardMeeting saved, List<BoardMeeting> all) { }

    private void add() {
        LocalDate on = newDate.get();
        if (on.isBefore(ctx.today())) {
            problem.set(i18n.get("report.ui.meeting.past"));
            return;
        }
        problem.set("");
        BoardMeeting m = new BoardMeeting(null, on, newTitle.get(), unitId.get());
        busy.set(true);
        tasks.run(i18n.get("report.ui.meeting.saving"), p -> {
            BoardMeeting saved = ctx.reportService().saveMeeting(m);
            return new Added(saved, ctx.reportService().meetings(ctx.today()));
        }, res -> {
            busy.set(false);
            show(res.all());
            selected.set(res.saved());
            newDate.set(null);
            newTitle.set("");
        }, failed);
    }

    private void delete() {
        BoardMeeting m = selected.get();
        if (!dialogs.confirm(i18n.get("report.ui.meeting.deleteTitle"),
                i18n.get("report.ui.meeting.deleteConfirm", m.meetingOn().toString()))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("report.ui.meeting.saving"), p -> {
            ctx.reportService().deleteMeeting(m.id());
            return ctx.reportService().meetings(ctx.today());
        }, list -> {
            busy.set(false);
            selected.set(null);
            show(list);
        }, failed);
    }

    ObservableList<BoardMeeting> meetings() { return meetings; }
    ObjectProperty<BoardMeeting> selectedProperty() { return selected; }
    ObjectProperty<LocalDate> newDateProperty() { return newDate; }
    StringProperty newTitleProperty() { return newTitle; }
    StringProperty problemProperty() { return problem; }
    StringProperty deadlineTextProperty() { return deadlineText; }
    BooleanProperty deadlineOverdueProperty() { return deadlineOverdue; }
}
