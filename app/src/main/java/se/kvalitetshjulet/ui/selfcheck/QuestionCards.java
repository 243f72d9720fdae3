package se.kvalitetshjulet.ui.selfcheck;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.AnswerValues;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.RadioGroups;

/** The fill-in form's pieces: one card per question (its answer control, comment and finding) and the action form. */
final class QuestionCards {
    private final SelfCheckFormViewModel vm;
    private final I18n i18n;
    /** Each question's answer control, in form order: where Enter goes next (issue 18). */
    private final List<Node> answers = new ArrayList<>();
    private Runnable afterLast = () -> { };

    QuestionCards(SelfCheckFormViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    /** Before the form is built again: forgets the answer controls of the last form. */
    void clear() {
        answers.clear();
    }

    /** What Enter does on the last question's answer (focus the submit button). */
    void afterLast(Runnable r) {
        afterLast = r;
    }

    /** Moves the focus to the answer of the question after the one whose answer control is {@code control}. */
    void focusNext(Node control) {
        int i = answers.indexOf(control);
        if (i < 0) {
            return;
        }
        if (i + 1 >= answers.size()) {
            afterLast.run();
            return;
        }
        Node next = answers.get(i + 1);
        if (next instanceof FlowPane box) {
            List<RadioButton> radios = box.getChildren().stream().filter(RadioButton.class::isInstance)
                    .map(RadioButton.class::cast).toList();
            if (!radios.isEmpty()) {
                javafx.scene.control.ToggleButton stop = RadioGroups.stop(radios.getFirst().getToggleGroup(), radios);
                if (stop != null) {
                    stop.requestFocus();
                }
                return;
            }
            box.getChildren().stream().filter(Node::isFocusTraversable).findFirst().ifPresent(Node::requestFocus);
            return;
        }
        next.requestFocus();
    }

    Node questionCard(SelfCheckViewModel.QuestionItem item) {
        Question q = item.question();
        Label text = new Label(q.text() + (q.required() ? " *" : ""));
        text.setWrapText(true);
        text.setStyle("-fx-font-weight: bold;");
        VBox card = new VBox(6, text);
        card.getStyleClass().add("card");
        if (q.helpText() != null && !q.helpText().isBlank()) {
            Label help = new Label(q.helpText());
            help.getStyleClass().add("hint");
            help.setWrapText(true);
            card.getChildren().add(help);
        }
        if (q.reference() != null && !q.reference().isBlank()) {
            Label ref = new Label(i18n.get("selfcheck.form.reference", q.reference()));
            ref.getStyleClass().add("hint");
            ref.setWrapText(true);
            card.getChildren().add(ref);
        }
        Node control = control(item);
        answers.add(control);
        text.setLabelFor(control);
        card.getChildren().add(control);
        TextField comment = new TextField();
        comment.setId("comment-" + q.id());
        comment.setPromptText(i18n.get("selfcheck.form.comment"));
        comment.textProperty().bindBidirectional(item.commentProperty());
        comment.disableProperty().bind(vm.lockedProperty());
        comment.setOnAction(e -> focusNext(control));
        card.getChildren().add(comment);
        Label problem = new Label();
        problem.getStyleClass().add("validation-message");
        problem.textProperty().bind(item.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        card.getChildren().add(problem);

        Label finding = new Label(i18n.get("selfcheck.form.finding"));
        finding.getStyleClass().add("overdue-badge");
        Button action = new Button(i18n.get("selfcheck.action.create"));
        action.setId("action-" + q.id());
        action.setOnAction(e -> vm.startAction(item));
        HBox findingRow = new HBox(10, finding, action);
        findingRow.setAlignment(Pos.CENTER_LEFT);
        findingRow.visibleProperty().bind(item.findingProperty());
        findingRow.managedProperty().bind(item.findingProperty());
        card.getChildren().add(findingRow);
        for (String line : vm.actionsFor(item)) {
            Label l = new Label(line);
            l.setWrapText(true);
            card.getChildren().add(l);
        }
        return card;
    }

    private Node control(SelfCheckViewModel.QuestionItem item) {
        Question q = item.question();
        String id = "answer-" + q.id();
        return switch (q.type()) {
            case YES_NO, SINGLE_CHOICE -> {
                ToggleGroup group = new ToggleGroup();
                FlowPane box = new FlowPane(16, 6);
                box.setId(id);
                List<RadioButton> radios = new ArrayList<>();
                for (String choice : q.choices()) {
                    RadioButton b = new RadioButton(q.type() == AnswerType.YES_NO
                            ? i18n.get("selfcheck.yesno." + choice) : choice);
                    b.setId(id + "-" + choice.replaceAll("[^A-Za-z0-9_]", "_"));
                    b.setUserData(choice);
                    b.setToggleGroup(group);
                    b.setSelected(choice.equals(item.valueProperty().get()));
                    b.disableProperty().bind(vm.lockedProperty());
                    box.getChildren().add(b);
                    radios.add(b);
                }
                RadioGroups.oneTabStop(group, radios, () -> focusNext(box));
                group.selectedToggleProperty().addListener((o, a, t) ->
                        item.valueProperty().set(t == null ? "" : (String) t.getUserData()));
                yield box;
            }
            case MULTIPLE_CHOICE -> {
                FlowPane box = new FlowPane(16, 6);
                box.setId(id);
                Set<String> selected = new HashSet<>(AnswerValues.split(item.valueProperty().get()));
                List<CheckBox> boxes = new ArrayList<>();
                for (String choice : q.choices()) {
                    CheckBox c = new CheckBox(choice);
                    c.setSelected(selected.contains(choice));
                    c.disableProperty().bind(vm.lockedProperty());
                    boxes.add(c);
                    c.selectedProperty().addListener((o, a, b) -> item.valueProperty().set(AnswerValues.join(
                            boxes.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList())));
                    box.getChildren().add(c);
                }
                yield box;
            }
            case DATE -> {
                DatePicker dp = Forms.datePicker();
                dp.setId(id);
                String v = item.valueProperty().get();
                dp.setValue(v != null && AnswerValues.isDate(v) ? LocalDate.parse(v) : null);
                dp.valueProperty().addListener((o, a, d) -> item.valueProperty().set(d == null ? "" : d.toString()));
                dp.disableProperty().bind(vm.lockedProperty());
                yield dp;
            }
            default -> {
                TextField f = new TextField();
                f.setId(id);
                f.setPromptText(i18n.get("selfcheck.form.prompt." + q.type().name()));
                f.textProperty().bindBidirectional(item.valueProperty());
                f.disableProperty().bind(vm.lockedProperty());
                f.setOnAction(e -> focusNext(f));
                if (q.type() != AnswerType.TEXT) {
                    f.setMaxWidth(200);
                }
                yield f;
            }
        };
    }

    Node actionForm() {
        SelfCheckViewModel.QuestionItem item = vm.actionQuestionProperty().get();
        Label title = new Label(i18n.get("selfcheck.action.title", item.question().text()));
        title.getStyleClass().add("h2");
        title.setWrapText(true);
        GridPane g = Forms.grid();
        TextField what = new TextField();
        what.setId("actionWhat");
        what.textProperty().bindBidirectional(vm.actionWhatProperty());
        TextField who = new TextField();
        who.setId("actionResponsible");
        who.textProperty().bindBidirectional(vm.actionResponsibleProperty());
        DatePicker due = Forms.datePicker();
        due.setId("actionDue");
        due.valueProperty().bindBidirectional(vm.actionDueProperty());
        Forms.row(g, i18n.get("selfcheck.action.what"), what);
        Forms.row(g, i18n.get("selfcheck.action.responsible"), who);
        Forms.row(g, i18n.get("selfcheck.action.due"), due);
        Label problems = new Label();
        problems.getStyleClass().add("validation-message");
        problems.textProperty().bind(vm.actionProblemsProperty());
        Button save = new Button(i18n.get("selfcheck.action.save"));
        save.setId("actionSave");
        save.getStyleClass().add("primary");
        vm.addActionCommand().bind(save);
        Button cancel = new Button(i18n.get("common.cancel"));
        cancel.setOnAction(e -> vm.actionQuestionProperty().set(null));
        VBox box = new VBox(8, title, g, problems, new HBox(10, save, cancel));
        box.getStyleClass().add("card");
        javafx.application.Platform.runLater(what::requestFocus);
        return box;
    }
}
