package se.kvalitetshjulet.ui.start;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

import se.kvalitetshjulet.domain.selfcheck.Round;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.service.FirstStartService;
import se.kvalitetshjulet.service.FirstStartService.Step;
import se.kvalitetshjulet.service.OrgFileService;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * The first-start guide (issue 18, decision 0027), step by step: names, organisation (by hand or from an
 * organisation file, dry run first), lists (the defaults or a lists file), the first self-check round. Each step can
 * be skipped; what is done is remembered in the database, so closing the guide and opening it again resumes it.
 */
public final class FirstStartViewModel {
    private final FirstStartContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;

    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.NAMES);
    private final ObservableSet<Step> done = FXCollections.observableSet();
    private final BooleanProperty finished = new SimpleBooleanProperty();
    private final StringProperty administration = new SimpleStringProperty("");
    private final StringProperty board = new SimpleStringProperty("");
    private final StringProperty unitName = new SimpleStringProperty("");
    private final ObservableList<String> units = FXCollections.observableArrayList();
    private final ObservableList<Template> templates = FXCollections.observableArrayList();
    private final ObjectProperty<Template> template = new SimpleObjectProperty<>();
    private final StringProperty roundName = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> roundDue = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");

    private final Command saveNames = Command.always(this::saveNames);
    private final Command addUnit = Command.always(this::addUnit);
    private final Command importOrg = Command.always(this::importOrg);
    private final Command keepLists = Command.always(this::keepLists);
    private final Command importLists = Command.always(this::importLists);
    private final Command createRound = Command.always(this::createRound);
    private final Command skip = Command.always(() -> mark(step.get(), ""));
    private final Command dismiss = Command.always(this::dismiss);

    public FirstStartViewModel(FirstStartContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
    }

    /** Reads where the guide stands (and remembers that it was shown). */
    public void load() {
        tasks.run(i18n.get("h2.guide.loading"), p -> {
            ctx.firstStart().started();
            return new Loaded(ctx.firstStart().status(), unitNames(), ctx.selfChecks().templates());
        }, l -> {
            administration.set(l.status().administration());
            board.set(l.status().board());
            units.setAll(l.units());
            templates.setAll(l.templates());
            if (template.get() == null && !l.templates().isEmpty()) {
                template.set(l.templates().getFirst());
            }
            show(l.status());
        }, dialogs::showUnexpected);
    }

    private record Loaded(FirstStartService.Status status, List<String> units, List<Template> templates) { }

    private List<String> unitNames() {
        return ctx.organisation().tree().all().stream().map(u -> "  ".repeat(u.level().ordinal()) + u.name()).toList();
    }

    private void show(FirstStartService.Status s) {
        done.clear();
        done.addAll(s.done());
        Step next = java.util.Arrays.stream(Step.values()).filter(x -> !s.done().contains(x)).findFirst().orElse(null);
        finished.set(next == null || s.dismissed());
        if (next != null) {
            step.set(next);
        }
        problems.set("");
        if (step.get() == Step.ROUND && roundName.get().isBlank()) {
            LocalDate today = ctx.today();
            roundName.set(i18n.get("h2.guide.round.defaultName", today.getYear()));
            roundDue.set(today.plusWeeks(4));
        }
    }

    private void mark(Step s, String message) {
        tasks.run(i18n.get("h2.guide.saving"), p -> ctx.firstStart().markDone(s), st -> {
            show(st);
            notice.set(message);
        }, dialogs::showUnexpected);
    }

    private boolean rejected(SaveResult<?> r) {
        if (r.ok()) {
            return false;
        }
        problems.set(String.join("\n", r.problems().stream().map(i18n::problem).toList()));
        return true;
    }

    private void saveNames() {
        String a = administration.get();
        String b = board.get();
        tasks.run(i18n.get("h2.guide.saving"), p -> ctx.firstStart().saveNames(a, b), r -> {
            if (!rejected(r)) {
                show(r.value());
                notice.set(i18n.get("h2.guide.names.saved"));
            }
        }, dialogs::showUnexpected);
    }

    private void addUnit() {
        String n = unitName.get();
        tasks.run(i18n.get("h2.guide.saving"), p -> new Added(ctx.firstStart().addUnit(n), unitNames()), a -> {
            if (!rejected(a.result())) {
                units.setAll(a.units());
                unitName.set("");
                problems.set("");
                notice.set(i18n.get("h2.guide.org.added", a.result().value().name()));
            }
        }, dialogs::showUnexpected);
    }

    private record Added(SaveResult<se.kvalitetshjulet.domain.org.Unit> result, List<String> units) { }

    /** From an organisation file: a dry run first, then (asked, with what would change) the import itself. */
    private void importOrg() {
        dialogs.chooseOpenFile(i18n.get("h2.guide.org.import"), List.of("*.xlsx", "*.csv")).ifPresent(file ->
                tasks.run(i18n.get("h2.guide.saving"), p -> ctx.orgFile().importFile(file, true), dry -> {
                    if (!dry.ok()) {
                        problems.set(String.join("\n", dry.problems()));
                        return;
                    }
                    String summary = i18n.get("h2.guide.org.dryRun", dry.count(OrgFileService.ChangeKind.CREATE),
                            dry.changes().size());
                    if (dialogs.confirm(i18n.get("h2.guide.org.import"), summary)) {
                        applyOrg(file);
                    }
                }, dialogs::showUnexpected));
    }

    private void applyOrg(Path file) {
        tasks.run(i18n.get("h2.guide.saving"), p -> {
            var out = ctx.orgFile().importFile(file, false);
            return new OrgImported(out, unitNames(), out.ok() ? ctx.firstStart().markDone(Step.ORGANISATION) : null);
        }, r -> {
            units.setAll(r.units());
            if (!r.outcome().ok()) {
                problems.set(String.join("\n", r.outcome().problems()));
                return;
            }
            show(r.status());
            notice.set(i18n.get("h2.guide.org.imported", r.outcome().changes().size()));
        }, dialogs::showUnexpected);
    }

    private record OrgImported(OrgFileService.Outcome outcome, List<String> units, FirstStartService.Status status) { }

    private void keepLists() {
        mark(Step.LISTS, i18n.get("h2.guide.lists.kept"));
    }

    private void importLists() {
        dialogs.chooseOpenFile(i18n.get("h2.guide.lists.import"), List.of("*.json")).ifPresent(file ->
                tasks.run(i18n.get("h2.guide.saving"), p -> {
                    var out = ctx.lists().importFrom(file);
                    return new ListsImported(out, out.ok() ? ctx.firstStart().markDone(Step.LISTS) : null);
                }, r -> {
                    if (!r.outcome().ok()) {
                        problems.set(String.join("\n", r.outcome().problems()));
                        return;
                    }
                    show(r.status());
                    notice.set(i18n.get("h2.guide.lists.imported", r.outcome().changes().size()));
                }, dialogs::showUnexpected));
    }

    private record ListsImported(se.kvalitetshjulet.service.ListsService.ImportOutcome outcome,
                                 FirstStartService.Status status) { }

    private void createRound() {
        Template t = template.get();
        if (t == null) {
            problems.set(i18n.get("h2.guide.round.noTemplate"));
            return;
        }
        LocalDate today = ctx.today();
        LocalDate due = roundDue.get();
        Round r = new Round(null, roundName.get() == null ? "" : roundName.get().strip(), t.id(), today,
                due == null ? today : due, due, null, null);
        tasks.run(i18n.get("h2.guide.saving"), p -> {
            SaveResult<Round> saved = ctx.selfChecks().createRound(r);
            return new RoundMade(saved, saved.ok() ? ctx.firstStart().markDone(Step.ROUND) : null);
        }, m -> {
            if (!rejected(m.saved())) {
                show(m.status());
                notice.set(i18n.get("h2.guide.round.created", m.saved().value().name()));
            }
        }, dialogs::showUnexpected);
    }

    private record RoundMade(SaveResult<Round> saved, FirstStartService.Status status) { }

    private void dismiss() {
        tasks.run(i18n.get("h2.guide.saving"), p -> ctx.firstStart().dismiss(), this::show, dialogs::showUnexpected);
    }

    public ObjectProperty<Step> stepProperty() { return step; }
    public ObservableSet<Step> done() { return done; }
    public BooleanProperty finishedProperty() { return finished; }
    public StringProperty administrationProperty() { return administration; }
    public StringProperty boardProperty() { return board; }
    public StringProperty unitNameProperty() { return unitName; }
    public ObservableList<String> units() { return units; }
    public ObservableList<Template> templates() { return templates; }
    public ObjectProperty<Template> templateProperty() { return template; }
    public StringProperty roundNameProperty() { return roundName; }
    public ObjectProperty<LocalDate> roundDueProperty() { return roundDue; }
    public StringProperty problemsProperty() { return problems; }
    public StringProperty noticeProperty() { return notice; }
    public Command saveNamesCommand() { return saveNames; }
    public Command addUnitCommand() { return addUnit; }
    public Command importOrgCommand() { return importOrg; }
    public Command keepListsCommand() { return keepLists; }
    public Command importListsCommand() { return importLists; }
    public Command createRoundCommand() { return createRound; }
    public Command skipCommand() { return skip; }
    public Command dismissCommand() { return dismiss; }
}
