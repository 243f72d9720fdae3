package se.kvalitetshjulet.ui.lists;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.lists.DeadlineRule;
import se.kvalitetshjulet.domain.lists.LawEntry;
import se.kvalitetshjulet.domain.lists.LegalReference;
import se.kvalitetshjulet.domain.lists.ListEntry;
import se.kvalitetshjulet.domain.lists.ListKind;
import se.kvalitetshjulet.domain.lists.ListsConfig;
import se.kvalitetshjulet.service.ListsService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * "Listor och regler": one list at a time (add, rename, retire or bring back, reorder, merge), the deadline rules and
 * the laws with their legal references and validity dates, and the lists file out and in.
 */
public final class ListsViewModel {
    /** An entry with how many records use it (so the coordinator sees what a merge or retirement touches). */
    public record Row(ListEntry entry, int usage) { }

    private final ListsContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<ListKind> kind = new SimpleObjectProperty<>(ListKind.DEVIATION_CATEGORY);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>();
    private final ObservableList<DeadlineRule> deadlines = FXCollections.observableArrayList();
    private final ObjectProperty<DeadlineRule> selectedDeadline = new SimpleObjectProperty<>();
    private final ObservableList<LegalReference> references = FXCollections.observableArrayList();
    private final ObjectProperty<LegalReference> selectedReference = new SimpleObjectProperty<>();
    private final ObservableList<LawEntry> laws = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    /** The nämnd and förvaltning as the report's cover names them. */
    private final StringProperty boardName = new SimpleStringProperty("");
    private final StringProperty administrationName = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    private final Command add;
    private final Command rename;
    private final Command toggleActive;
    private final Command moveUp;
    private final Command moveDown;
    private final Command merge;
    private final Command editDeadline;
    private final Command addReference;
    private final Command editReference;
    private final Command deleteReference;
    private final Command exportFile;
    private final Command importFile;
    private final Command saveNames;

    public ListsViewModel(ListsContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        var idle = busy.not();
        var hasRow = selected.isNotNull().and(idle);
        var coded = Bindings.createBooleanBinding(() -> kind.get() != null && kind.get().coded(), kind);
        add = new Command(this::add, idle);
        rename = new Command(this::rename, hasRow);
        toggleActive = new Command(this::toggleActive, hasRow);
        moveUp = new Command(() -> move(-1), hasRow.and(coded));
        moveDown = new Command(() -> move(1), hasRow.and(coded));
        merge = new Command(this::merge, hasRow.and(Bindings.createBooleanBinding(
                () -> kind.get() != null && kind.get().mergeable() && rows.size() > 1, kind, rows)));
        editDeadline = new Command(this::editDeadline, selectedDeadline.isNotNull().and(idle));
        addReference = new Command(this::addReference, idle);
        editReference = new Command(this::editReference, selectedReference.isNotNull().and(idle));
        deleteReference = new Command(this::deleteReference, selectedReference.isNotNull().and(idle));
        exportFile = new Command(this::exportFile, idle);
        importFile = new Command(this::importFile, idle);
        saveNames = new Command(this::saveNames, idle);
        kind.addListener((o, a, k) -> load());
    }

    private record Snapshot(List<Row> rows, ListsConfig cfg, String board, String administration) { }

    public void load() {
        ListKind k = kind.get();
        busy.set(true);
        tasks.run(i18n.get("lists.loading"), p -> {
            List<Row> r = new ArrayList<>();
            for (ListEntry e : ctx.listsService().entries(k)) {
                r.add(new Row(e, ctx.listsService().usage(k, e.id())));
            }
            return new Snapshot(r, ctx.listsService().current(),
                    ctx.settingsService().preference(se.kvalitetshjulet.service.report.ReportModel.SETTING_BOARD).orElse(""),
                    ctx.settingsService().preference(se.kvalitetshjulet.service.report.ReportModel.SETTING_ADMINISTRATION).orElse(""));
        }, s -> {
            busy.set(false);
            Long keep = selected.get() == null ? null : selected.get().entry().id();
            rows.setAll(s.rows());
            selected.set(rows.stream().filter(r -> keep != null && keep.equals(r.entry().id())).findFirst().orElse(null));
            deadlines.setAll(s.cfg().deadlines());
            references.setAll(s.cfg().references());
            laws.setAll(s.cfg().laws());
            boardName.set(s.board());
            administrationName.set(s.administration());
        }, this::failed);
    }

    private void add() {
        ListKind k = kind.get();
        Optional<String> name = dialogs.askText(i18n.get("lists.add.title"), i18n.get("lists.add.prompt",
                i18n.get("lists.kind." + k.name())), "");
        if (name.isEmpty() || name.get().isBlank()) {
            return;
        }
        save(p -> ctx.listsService().add(k, null, name.get()), i18n.get("lists.added", name.get().strip()));
    }

    private void rename() {
        Row r = selected.get();
        Optional<String> name = dialogs.askText(i18n.get("lists.rename.title"), i18n.get("lists.rename.prompt",
                r.entry().name(), r.usage()), r.entry().name());
        if (name.isEmpty() || name.get().isBlank() || name.get().strip().equals(r.entry().name())) {
            return;
        }
        ListKind k = kind.get();
        save(p -> ctx.listsService().rename(k, r.entry().id(), name.get()), i18n.get("lists.renamed", r.entry().name(),
                name.get().strip()));
    }

    private void toggleActive() {
        Row r = selected.get();
        ListKind k = kind.get();
        boolean now = !r.entry().active();
        save(p -> ctx.listsService().setActive(k, r.entry().id(), now),
                i18n.get(now ? "lists.reactivated" : "lists.retired", r.entry().name(), r.usage()));
    }

    private void move(int direction) {
        Row r = selected.get();
        ListKind k = kind.get();
        save(p -> {
            ctx.listsService().move(k, r.entry().id(), direction);
            return SaveResult.saved(r.entry().id());
        }, "");
    }

    private void merge() {
        Row from = selected.get();
        ListKind k = kind.get();
        List<Row> targets = rows.stream().filter(r -> !r.equals(from)).toList();
        Optional<Integer> choice = dialogs.choose(i18n.get("lists.merge.title"),
                i18n.get("lists.merge.prompt", from.entry().name(), from.usage()),
                targets.stream().map(r -> r.entry().name()).toList());
        if (choice.isEmpty()) {
            return;
        }
        Row into = targets.get(choice.get());
        if (!dialogs.confirm(i18n.get("lists.merge.title"), i18n.get("lists.merge.confirm", from.entry().name(),
                into.entry().name(), from.usage()))) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("lists.saving"), p -> ctx.listsService().merge(k, from.entry().id(), into.entry().id()), moved -> {
            busy.set(false);
            message.set(i18n.get("lists.merged", from.entry().name(), into.entry().name(), moved));
            selected.set(null);
            load();
        }, this::failed);
    }

    private void editDeadline() {
        DeadlineRule d = selectedDeadline.get();
        Optional<String> days = dialogs.askText(i18n.get("lists.deadline.title"), i18n.get("lists.deadline.daysPrompt",
                deadlineLabel(d.kind())), Integer.toString(d.days()));
        if (days.isEmpty()) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(days.get().strip());
        } catch (NumberFormatException e) {
            message.set(i18n.get("lists.deadline.notANumber", days.get()));
            return;
        }
        Optional<String> ref = dialogs.askText(i18n.get("lists.deadline.title"), i18n.get("lists.deadline.refPrompt"),
                d.legalReference() == null ? "" : d.legalReference());
        DeadlineRule rule = new DeadlineRule(d.kind(), n, ref.orElse(d.legalReference()));
        save(p -> ctx.listsService().saveDeadline(rule).map(x -> 0L), i18n.get("lists.deadline.saved", deadlineLabel(d.kind()), n));
    }

    /** The display name of a deadline rule's kind: the deviation kind's name, or the rule's own label. */
    public String deadlineLabel(String kind) {
        if (i18n.has("enum.DeviationKind." + kind)) {
            return i18n.get("enum.DeviationKind." + kind);
        }
        return i18n.has("lists.deadline.kind." + kind) ? i18n.get("lists.deadline.kind." + kind) : kind;
    }

    private void addReference() {
        if (laws.isEmpty()) {
            return;
        }
        Optional<Integer> law = dialogs.choose(i18n.get("lists.ref.title"), i18n.get("lists.ref.lawPrompt"),
                laws.stream().map(l -> l.code() + " – " + l.name()).toList());
        if (law.isEmpty()) {
            return;
        }
        askReference(new LegalReference(null, laws.get(law.get()).code(), "", null, null));
    }

    private void editReference() {
        askReference(selectedReference.get());
    }

    private void askReference(LegalReference base) {
        Optional<String> citation = dialogs.askText(i18n.get("lists.ref.title"), i18n.get("lists.ref.citationPrompt"),
                base.citation());
        if (citation.isEmpty() || citation.get().isBlank()) {
            return;
        }
        Optional<String> from = dialogs.askText(i18n.get("lists.ref.title"), i18n.get("lists.ref.fromPrompt"),
                base.validFrom() == null ? "" : base.validFrom().toString());
        Optional<String> to = dialogs.askText(i18n.get("lists.ref.title"), i18n.get("lists.ref.toPrompt"),
                base.validTo() == null ? "" : base.validTo().toString());
        LocalDate f;
        LocalDate t;
        try {
            f = from.isEmpty() || from.get().isBlank() ? null : LocalDate.parse(from.get().strip());
            t = to.isEmpty() || to.get().isBlank() ? null : LocalDate.parse(to.get().strip());
        } catch (DateTimeParseException e) {
            message.set(i18n.get("lists.ref.badDate"));
            return;
        }
        LegalReference ref = new LegalReference(base.id(), base.lawCode(), citation.get().strip(), f, t);
        save(p -> ctx.listsService().saveReference(ref).map(x -> 0L), i18n.get("lists.ref.saved", ref.citation()));
    }

    private void deleteReference() {
        LegalReference r = selectedReference.get();
        if (!dialogs.confirm(i18n.get("lists.ref.title"), i18n.get("lists.ref.deleteConfirm", r.citation()))) {
            return;
        }
        save(p -> {
            ctx.listsService().deleteReference(r.id());
            return SaveResult.saved(0L);
        }, i18n.get("lists.ref.deleted", r.citation()));
    }

    private void exportFile() {
        Optional<Path> out = dialogs.chooseSaveFile(i18n.get("lists.export.title"), "listor-och-regler.json",
                List.of("*.json"));
        if (out.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("lists.export.running"), p -> {
            ctx.listsService().exportTo(out.get());
            return out.get();
        }, f -> {
            busy.set(false);
            message.set(i18n.get("lists.export.done", f.getFileName()));
        }, this::failed);
    }

    private void importFile() {
        Optional<Path> in = dialogs.chooseOpenFile(i18n.get("lists.import.title"), List.of("*.json"));
        if (in.isEmpty()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("lists.import.running"), p -> ctx.listsService().importFrom(in.get()),
                (ListsService.ImportOutcome r) -> {
                    busy.set(false);
                    if (!r.ok()) {
                        dialogs.showError(i18n.get("lists.import.title"), i18n.get("lists.import.refused") + "\n\n"
                                + r.problems().stream().limit(30).collect(Collectors.joining("\n")));
                        return;
                    }
                    message.set(r.changes().isEmpty() ? i18n.get("lists.import.nothing")
                            : i18n.get("lists.import.done", r.changes().size()));
                    if (!r.changes().isEmpty()) {
                        dialogs.showInfo(i18n.get("lists.import.title"),
                                r.changes().stream().limit(60).collect(Collectors.joining("\n")));
                    }
                    load();
                }, this::failed);
    }

    private void save(TaskRunner.Work<SaveResult<Long>> work, String done) {
        busy.set(true);
        tasks.run(i18n.get("lists.saving"), work, r -> {
            busy.set(false);
            if (!r.ok()) {
                // The service's problems are complete Swedish sentences, not message keys.
                message.set(r.problems().stream().map(Problem::messageKey).collect(Collectors.joining("\n")));
                return;
            }
            message.set(done);
            load();
        }, this::failed);
    }

    private void saveNames() {
        String board = boardName.get() == null ? "" : boardName.get().strip();
        String adm = administrationName.get() == null ? "" : administrationName.get().strip();
        busy.set(true);
        tasks.run(i18n.get("lists.saving"), p -> {
            ctx.settingsService().savePreference(se.kvalitetshjulet.service.report.ReportModel.SETTING_BOARD, board);
            ctx.settingsService().savePreference(se.kvalitetshjulet.service.report.ReportModel.SETTING_ADMINISTRATION, adm);
            return true;
        }, ok -> {
            busy.set(false);
            message.set(i18n.get("lists.names.saved"));
        }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        dialogs.showUnexpected(t);
    }

    public ObjectProperty<ListKind> kindProperty() { return kind; }
    public ObservableList<Row> rows() { return rows; }
    public ObjectProperty<Row> selectedProperty() { return selected; }
    public ObservableList<DeadlineRule> deadlines() { return deadlines; }
    public ObjectProperty<DeadlineRule> selectedDeadlineProperty() { return selectedDeadline; }
    public ObservableList<LegalReference> references() { return references; }
    public ObjectProperty<LegalReference> selectedReferenceProperty() { return selectedReference; }
    public ObservableList<LawEntry> laws() { return laws; }
    public StringProperty messageProperty() { return message; }
    public Command addCommand() { return add; }
    public Command renameCommand() { return rename; }
    public Command toggleActiveCommand() { return toggleActive; }
    public Command moveUpCommand() { return moveUp; }
    public Command moveDownCommand() { return moveDown; }
    public Command mergeCommand() { return merge; }
    public Command editDeadlineCommand() { return editDeadline; }
    public Command addReferenceCommand() { return addReference; }
    public Command editReferenceCommand() { return editReference; }
    public Command deleteReferenceCommand() { return deleteReference; }
    public Command exportCommand() { return exportFile; }
    public Command importCommand() { return importFile; }
    public Command saveNamesCommand() { return saveNames; }
    public StringProperty boardNameProperty() { return boardName; }
    public StringProperty administrationNameProperty() { return administrationName; }
}
