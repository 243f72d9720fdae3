package se.kvalitetshjulet.ui.selfcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.domain.Problem;
import se.kvalitetshjulet.domain.selfcheck.FindingAction;
import se.kvalitetshjulet.domain.selfcheck.ResponseRow;
import se.kvalitetshjulet.service.SaveResult;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyQuestion;
import se.kvalitetshjulet.ui.common.TaskRunner;
import se.kvalitetshjulet.ui.selfcheck.SelfCheckViewModel.QuestionItem;

/**
 * The improvement actions of the open form: the actions already raised from its findings, and the small form that
 * raises a new one for one question (what, responsible, due). Saving asks the privacy question first
 * (decision 0018) and saves what is typed in the form before it.
 */
final class FindingActionForm {
    private final SelfCheckContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final BooleanProperty busy;
    private final ObservableValue<ResponseRow> response;
    private final Runnable saveForm;
    private final Consumer<Throwable> failed;

    private final ObservableList<FindingAction> actions = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionItem> question = new SimpleObjectProperty<>();
    private final StringProperty what = new SimpleStringProperty("");
    private final StringProperty responsible = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final StringProperty problems = new SimpleStringProperty("");
    final Command add;

    /**
     * @param response the open form's response
     * @param saveForm saves unsaved answers of the form before the action is stored
     */
    FindingActionForm(SelfCheckContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, BooleanProperty busy,
                      ObservableValue<ResponseRow> response, Runnable saveForm, Consumer<Throwable> failed) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.busy = busy;
        this.response = response;
        this.saveForm = saveForm;
        this.failed = failed;
        add = new Command(this::add, question.isNotNull().and(busy.not()));
    }

    /** Starts an improvement action for the finding of {@code item}. */
    void start(QuestionItem item) {
        question.set(item);
        what.set("");
        responsible.set("");
        due.set(ctx.today().plusMonths(2));
        problems.set("");
    }

    private void add() {
        ResponseRow r = response.getValue();
        QuestionItem q = question.get();
        String text = what.get();
        String who = responsible.get();
        LocalDate date = due.get();
        PrivacyQuestion.beforeSave(tasks, dialogs, i18n,
                p -> ctx.selfCheckService().privacyRefuses(),
                List.of(PrivacyQuestion.field(i18n, "selfcheck.action.what", text)),
                () -> add(r, q, text, who, date));
    }

    private void add(ResponseRow r, QuestionItem q, String text, String who, LocalDate date) {
        saveForm.run();
        busy.set(true);
        tasks.run(i18n.get("selfcheck.action.saving"), p -> {
            SaveResult<?> res = ctx.selfCheckService().addAction(r.id(), q.question().id(), text, who, date);
            return res.ok() ? new Outcome(res.problems(), ctx.selfCheckService().actions(r.id(), null))
                    : new Outcome(res.problems(), null);
        }, out -> {
            busy.set(false);
            if (!out.problems().isEmpty()) {
                problems.set(out.problems().stream().map(i18n::problem).collect(Collectors.joining("\n")));
                return;
            }
            actions.setAll(out.actions());
            question.set(null);
        }, failed);
    }

    private record Outcome(List<Problem> problems, List<FindingAction> actions) { }

    /** The actions raised from one question of the open form, as text. */
    List<String> actionsFor(QuestionItem item) {
        return actions.stream().filter(a -> a.questionId() == item.question().id())
                .map(a -> i18n.get("selfcheck.action.line", a.measure().what(), a.measure().responsible(),
                        a.measure().dueOn()))
                .toList();
    }

    ObservableList<FindingAction> actions() { return actions; }
    ObjectProperty<QuestionItem> questionProperty() { return question; }
    StringProperty whatProperty() { return what; }
    StringProperty responsibleProperty() { return responsible; }
    ObjectProperty<LocalDate> dueProperty() { return due; }
    StringProperty problemsProperty() { return problems; }
}
