package se.kvalitetshjulet.ui.council;

import se.kvalitetshjulet.domain.council.OrderedAnalysis;
import se.kvalitetshjulet.domain.council.MeetingRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.action.ActionRow;
import se.kvalitetshjulet.domain.council.AgendaItem;
import se.kvalitetshjulet.domain.council.FollowUpItem;
import se.kvalitetshjulet.domain.council.Meeting;
import se.kvalitetshjulet.domain.deviation.DeviationRow;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.org.Unit;
import se.kvalitetshjulet.service.CouncilService;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.SaveFlow;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.domain.trend.ChartData;

/**
 * Kvalitetsråd: the councils' meetings, and holding one: its self-built agenda, participants, deviations to review,
 * patterns and notes. The decisions and follow-ups of the open meeting are {@link CouncilDecisions}, its minutes and
 * chart deck as files {@link CouncilFiles}.
 */
public final class CouncilViewModel {
    private final CouncilContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObservableList<Unit> units = FXCollections.observableArrayList();
    private final ObjectProperty<Unit> unitFilter = new SimpleObjectProperty<>();
    private final ObservableList<MeetingRow> meetings = FXCollections.observableArrayList();
    private final ObjectProperty<MeetingRow> selectedMeeting = new SimpleObjectProperty<>();
    private final ObjectProperty<CouncilService.MeetingView> current = new SimpleObjectProperty<>();

    // new meeting
    private final ObjectProperty<Unit> newUnit = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> newDate = new SimpleObjectProperty<>();
    private final StringProperty newTitle = new SimpleStringProperty("");
    private final ObjectProperty<ListEntry> newType = new SimpleObjectProperty<>();

    // council types (Listor och regler): all of them, the active ones for a new meeting, and for the open meeting
    // the active ones plus its own type if that has been retired since
    private final List<ListEntry> councilTypes = new ArrayList<>();
    private final ObservableList<ListEntry> newTypeChoices = FXCollections.observableArrayList();
    private final ObservableList<ListEntry> meetingTypeChoices = FXCollections.observableArrayList();
    private final ObjectProperty<ListEntry> meetingType = new SimpleObjectProperty<>();

    // during the meeting
    private final ObservableList<AgendaItem> agenda = FXCollections.observableArrayList();
    private final ObservableList<DeviationRow> deviations = FXCollections.observableArrayList();
    private final ObservableList<FollowUpItem> followUps = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> decisions = FXCollections.observableArrayList();
    private final ObservableList<ActionRow> overdue = FXCollections.observableArrayList();
    private final ObservableList<Meeting.Participant> participants = FXCollections.observableArrayList();
    private final ObservableList<OrderedAnalysis> analyses = FXCollections.observableArrayList();
    private final ObjectProperty<Set<Long>> reviewed = new SimpleObjectProperty<>(Set.of());
    private final StringProperty patterns = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final BooleanProperty held = new SimpleBooleanProperty();
    private final StringProperty itemTitle = new SimpleStringProperty("");
    private final StringProperty itemDetail = new SimpleStringProperty("");
    private final StringProperty participantName = new SimpleStringProperty("");
    private final StringProperty participantRole = new SimpleStringProperty("");
    private final ObjectProperty<DeviationRow> selectedDeviation = new SimpleObjectProperty<>();
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty problems = new SimpleStringProperty("");
    private final SaveFlow saves;

    private final Command createMeeting;
    private final Command addItem;
    private final Command addParticipant;
    private final Command saveMinutes;
    private final Command toggleReviewed;
    private final Command planNext;
    private final CouncilDecisions decisionForm;
    private final CouncilFiles files;
    private boolean listsLoaded;

    public CouncilViewModel(CouncilContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.saves = new SaveFlow(tasks, dialogs, problems, null, SaveFlow.oneALine(i18n));
        this.i18n = i18n;
        newDate.set(ctx.today());
        var open = current.isNotNull();
        createMeeting = new Command(this::createMeeting, newUnit.isNotNull().and(newDate.isNotNull()));
        addItem = new Command(this::addItem, open.and(itemTitle.isNotEmpty()));
        addParticipant = new Command(this::addParticipant, open.and(participantName.isNotEmpty())
                .and(participantRole.isNotEmpty()));
        saveMinutes = new Command(this::saveMinutes, open);
        toggleReviewed = new Command(this::toggleReviewed, selectedDeviation.isNotNull());
        planNext = new Command(this::planNext, open);
        selectedMeeting.addListener((o, a, m) -> {
            if (m != null && (current.get() == null || current.get().meeting().id() != m.id())) {
                open(m.id());
            }
        });
        current.addListener((o, a, v) -> show(v));
        decisionForm = new CouncilDecisions(ctx, tasks, dialogs, i18n, saves, open, () -> currentMeeting().id(), this::reload);
        files = new CouncilFiles(ctx, tasks, dialogs, i18n, current, open);
    }

    public void refresh() {
        if (!listsLoaded) {
            listsLoaded = true;
            tasks.run(i18n.get("council.loading"), p -> ctx.organisationService().tree().all(), units::setAll,
                    dialogs::showUnexpected);
        }
        // the coordinator may have changed the list since: read it each time the screen is shown
        tasks.run(i18n.get("council.loading"), p -> ctx.councilService().councilTypes(), this::setCouncilTypes,
                dialogs::showUnexpected);
        loadMeetings(null);
    }

    private void setCouncilTypes(List<ListEntry> all) {
        councilTypes.clear();
        councilTypes.addAll(all);
        List<ListEntry> active = all.stream().filter(ListEntry::active).toList();
        ListEntry chosen = newType.get();
        newTypeChoices.setAll(active);
        newType.set(chosen == null ? null : active.stream().filter(t -> t.id().equals(chosen.id())).findFirst().orElse(null));
        showMeetingType(current.get() == null ? null : current.get().meeting().councilTypeId());
    }

    /** The open meeting's type choices: the active types, and its own if retired (still shown, not offered anew). */
    private void showMeetingType(Long typeId) {
        List<ListEntry> choices = new ArrayList<>(councilTypes.stream().filter(ListEntry::active).toList());
        ListEntry own = typeId == null ? null
                : councilTypes.stream().filter(t -> typeId.equals(t.id())).findFirst().orElse(null);
        if (own != null && !own.active()) {
            choices.add(own);
        }
        meetingTypeChoices.setAll(choices);
        meetingType.set(own);
    }

    /** How a council type is named in the lists: a retired one says so. */
    public String typeLabel(ListEntry t) {
        return t == null ? i18n.get("council.type.none")
                : t.active() ? t.name() : i18n.get("council.type.retired", t.name());
    }

    public void loadMeetings(Long select) {
        Long unitId = unitFilter.get() == null ? null : unitFilter.get().id();
        tasks.run(i18n.get("council.loading"), p -> ctx.councilService().meetings(unitId), rows -> {
            meetings.setAll(rows);
            if (select != null) {
                rows.stream().filter(r -> r.id() == select).findFirst().ifPresent(selectedMeeting::set);
            }
        }, dialogs::showUnexpected);
    }

    /** Opens a meeting: builds its agenda and everything to go through. */
    public void open(long meetingId) {
        tasks.run(i18n.get("council.loadingMeeting"), p -> ctx.councilService().view(meetingId), current::set,
                dialogs::showUnexpected);
    }

    /**
     * h5 (decision 0030): someone else changed councils, actions or deviations: the meeting list and the open meeting
     * are read again (latest wins, only what differs replaced, no error dialog); the open meeting is left as it is
     * while its patterns, notes or "held" hold something not yet saved.
     */
    public void othersChanged() {
        if (!listsLoaded) {
            return;
        }
        Long unitId = unitFilter.get() == null ? null : unitFilter.get().id();
        Long open = current.get() == null || editing() ? null : current.get().meeting().id();
        tasks.runLatest(liveKey, i18n.get("council.loading"), p -> new Live(ctx.councilService().meetings(unitId),
                open == null ? null : ctx.councilService().view(open)), l -> {
            se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(meetings, l.meetings());
            if (l.view() != null && !editing() && current.get() != null
                    && current.get().meeting().id().equals(l.view().meeting().id())) {
                current.set(l.view());
            }
        }, e -> { });
    }

    private record Live(List<MeetingRow> meetings, CouncilService.MeetingView view) { }

    private final Object liveKey = new Object();

    /** True while the open meeting's patterns, notes or "held" differ from what was read. */
    boolean editing() {
        Meeting m = current.get() == null ? null : current.get().meeting();
        return m != null && (!patterns.get().equals(m.patterns() == null ? "" : m.patterns())
                || !notes.get().equals(m.notes() == null ? "" : m.notes()) || held.get() != m.held());
    }

    private void reload() {
        if (current.get() != null) {
            open(current.get().meeting().id());
        }
    }

    private void show(CouncilService.MeetingView v) {
        problems.set("");
        if (v == null) {
            heading.set("");
            agenda.clear();
            deviations.clear();
            followUps.clear();
            decisions.clear();
            overdue.clear();
            participants.clear();
            analyses.clear();
            showMeetingType(null);
            return;
        }
        Meeting m = v.meeting();
        heading.set(i18n.get("council.heading", m.title(), v.unitName(), m.heldOn(),
                v.previous() == null ? "–" : v.previous().heldOn().toString()));
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(agenda, v.agenda());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(deviations, v.deviations());
        reviewed.set(v.reviewed());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(followUps, v.followUps());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(decisions, v.decisions());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(overdue, v.overdue());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(participants, m.participants());
        se.kvalitetshjulet.ui.common.LiveLists.replaceKeeping(analyses, v.analyses());
        patterns.set(m.patterns() == null ? "" : m.patterns());
        notes.set(m.notes() == null ? "" : m.notes());
        held.set(m.held());
        showMeetingType(m.councilTypeId());
    }

    private void createMeeting() {
        Unit u = newUnit.get();
        String title = newTitle.get() == null || newTitle.get().isBlank()
                ? i18n.get("council.defaultTitle", u.name()) : newTitle.get().strip();
        Meeting m = new Meeting(null, u.id(), newDate.get(), title, false, null, null, List.of(),
                newType.get() == null ? null : newType.get().id());
        askPrivacy(List.of(new PrivacyQuestion.Field(i18n.get("council.new.titlePrompt"), title)),
                () -> saves.save(i18n.get("council.saving"), p -> ctx.councilService().save(m), saved -> {
                    newTitle.set("");
                    loadMeetings(saved.id());
                }));
    }

    /** The privacy question before storing council texts (decision 0018); under "refuse" the service refuses. */
    private void askPrivacy(List<PrivacyQuestion.Field> fields, Runnable save) {
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.councilService().privacyRefuses(), fields, save);
    }

    private void addItem() {
        long id = current.get().meeting().id();
        String t = itemTitle.get();
        String d = itemDetail.get();
        askPrivacy(List.of(new PrivacyQuestion.Field(i18n.get("council.item.title"), t),
                new PrivacyQuestion.Field(i18n.get("council.item.detail"), d)),
                () -> saves.save(i18n.get("council.saving"), p -> ctx.councilService().addAgendaItem(id, t, d), x -> {
                    itemTitle.set("");
                    itemDetail.set("");
                    reload();
                }));
    }

    private void addParticipant() {
        List<Meeting.Participant> list = new ArrayList<>(participants);
        list.add(new Meeting.Participant(participantName.get().strip(), participantRole.get().strip()));
        saveMeeting(currentMeeting().withParticipants(list), () -> {
            participantName.set("");
            participantRole.set("");
        });
    }

    public void removeParticipant(Meeting.Participant p) {
        List<Meeting.Participant> list = new ArrayList<>(participants);
        list.remove(p);
        saveMeeting(currentMeeting().withParticipants(list), () -> { });
    }

    private Meeting currentMeeting() {
        return current.get().meeting();
    }

    private void saveMinutes() {
        Meeting m = currentMeeting().withPatterns(patterns.get()).withNotes(notes.get()).withHeld(held.get())
                .withCouncilType(meetingType.get() == null ? null : meetingType.get().id());
        askPrivacy(List.of(new PrivacyQuestion.Field(i18n.get("council.minutes.patterns"), m.patterns()),
                new PrivacyQuestion.Field(i18n.get("council.minutes.notes"), m.notes())), () -> saveMeeting(m, () -> { }));
    }

    private void saveMeeting(Meeting m, Runnable after) {
        saveMeeting(m, currentMeeting(), current.get().version(), after);
    }

    /** Saves on the version read; when someone else saved in between, the conflict dialog asks (decision 0029). */
    private void saveMeeting(Meeting m, Meeting base, long version, Runnable after) {
        saves.save(i18n.get("council.saving"), p -> {
            try {
                return ctx.councilService().save(m, version).map(x -> (Object) x);
            } catch (CouncilService.MeetingConflictException e) {
                return SaveResult.saved((Object) e.conflict());
            }
        }, out -> {
            if (!(out instanceof CouncilService.MeetingConflict c)) {
                after.run();
                reload();
                loadMeetings(null);
                return;
            }
            var choice = MeetingConflict.ask(dialogs, i18n, c, base, m, id -> councilTypes.stream()
                    .filter(t -> id.equals(t.id())).map(ListEntry::name).findFirst().orElse(String.valueOf(id)));
            if (choice == null) {
                problems.set(i18n.get("council.conflict.notSaved"));
            } else if (choice.isEmpty()) {
                reload();
            } else {
                saveMeeting(choice.get(), c.theirs(), c.theirVersion(), after);
            }
        });
    }

    private void toggleReviewed() {
        long id = currentMeeting().id();
        long devId = selectedDeviation.get().id();
        boolean now = !reviewed.get().contains(devId);
        tasks.run(i18n.get("council.saving"), p -> {
            ctx.councilService().setReviewed(id, devId, now);
            return now;
        }, x -> reload(), dialogs::showUnexpected);
    }

    public boolean isReviewed(DeviationRow r) {
        return reviewed.get().contains(r.id());
    }

    private void planNext() {
        long id = currentMeeting().id();
        tasks.run(i18n.get("council.saving"), p -> ctx.councilService().planNext(id), m -> loadMeetings(m.id()),
                dialogs::showUnexpected);
    }

    /** Loads this council's chart deck with today's data, for presentation mode (see {@link CouncilFiles}). */
    public void loadDeck(Consumer<List<ChartData>> onReady) {
        files.loadDeck(onReady);
    }

    /**
     * Where "edit the charts" leads: the shell opens the chart screen with the council's deck (given the council's
     * unit id and name). Without one the command is unavailable.
     */
    public void setDeckEditor(BiConsumer<Long, String> editor) {
        files.setDeckEditor(editor);
    }

    /** The words of an agenda item, as shown and exported. */
    public String describe(AgendaItem item) {
        return switch (item.kind()) {
            case FOLLOW_UP -> i18n.get("council.agenda.FOLLOW_UP", item.count());
            case DEVIATIONS_SINCE -> i18n.get("council.agenda.DEVIATIONS_SINCE", item.count(), item.label());
            case OVERDUE_ACTIONS -> i18n.get("council.agenda.OVERDUE_ACTIONS", item.count());
            case CHART_SIGNAL -> i18n.get("council.agenda.CHART_SIGNAL", "ALL".equals(item.label())
                    ? i18n.get("council.series.all") : i18n.get("enum.DeviationKind." + item.label()),
                    item.signal().median(), item.signal().latest());
            case ADDED -> item.label() + (item.detail() == null || item.detail().isBlank() ? "" : " – " + item.detail());
        };
    }

    public ObservableList<Unit> units() { return units; }
    public ObjectProperty<Unit> unitFilterProperty() { return unitFilter; }
    public ObservableList<MeetingRow> meetings() { return meetings; }
    public ObjectProperty<MeetingRow> selectedMeetingProperty() { return selectedMeeting; }
    public ObjectProperty<CouncilService.MeetingView> currentProperty() { return current; }
    public ObjectProperty<Unit> newUnitProperty() { return newUnit; }
    public ObjectProperty<LocalDate> newDateProperty() { return newDate; }
    public StringProperty newTitleProperty() { return newTitle; }
    /** The council type of a new meeting: only active types are offered. */
    public ObjectProperty<ListEntry> newTypeProperty() { return newType; }
    public ObservableList<ListEntry> newTypeChoices() { return newTypeChoices; }
    /** The open meeting's council type, saved with the minutes. */
    public ObjectProperty<ListEntry> meetingTypeProperty() { return meetingType; }
    public ObservableList<ListEntry> meetingTypeChoices() { return meetingTypeChoices; }
    public ObservableList<AgendaItem> agenda() { return agenda; }
    public ObservableList<DeviationRow> deviations() { return deviations; }
    public ObservableList<FollowUpItem> followUps() { return followUps; }
    public ObservableList<ActionRow> decisions() { return decisions; }
    public ObservableList<ActionRow> overdue() { return overdue; }
    public ObservableList<Meeting.Participant> participants() { return participants; }
    public ObservableList<OrderedAnalysis> analyses() { return analyses; }
    public ObjectProperty<Set<Long>> reviewedProperty() { return reviewed; }
    public StringProperty patternsProperty() { return patterns; }
    public StringProperty notesProperty() { return notes; }
    public BooleanProperty heldProperty() { return held; }
    public StringProperty itemTitleProperty() { return itemTitle; }
    public StringProperty itemDetailProperty() { return itemDetail; }
    public StringProperty participantNameProperty() { return participantName; }
    public StringProperty participantRoleProperty() { return participantRole; }
    public ObjectProperty<DeviationRow> selectedDeviationProperty() { return selectedDeviation; }
    public StringProperty headingProperty() { return heading; }
    public StringProperty problemsProperty() { return problems; }
    public Command createMeetingCommand() { return createMeeting; }
    public Command addItemCommand() { return addItem; }
    public Command addParticipantCommand() { return addParticipant; }
    public Command saveMinutesCommand() { return saveMinutes; }
    public Command toggleReviewedCommand() { return toggleReviewed; }
    public Command planNextCommand() { return planNext; }
    /** New decisions, follow-ups and ordered analyses of the open meeting. */
    public CouncilDecisions decisionForm() { return decisionForm; }
    /** Minutes and the council's chart deck as files. */
    public CouncilFiles files() { return files; }
    public LocalDate today() { return ctx.today(); }
    public I18n i18n() { return i18n; }
}
