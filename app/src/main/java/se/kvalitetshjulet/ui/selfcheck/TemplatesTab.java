package se.kvalitetshjulet.ui.selfcheck;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import se.kvalitetshjulet.domain.selfcheck.AnswerType;
import se.kvalitetshjulet.domain.selfcheck.Question;
import se.kvalitetshjulet.domain.selfcheck.Template;
import se.kvalitetshjulet.ui.common.I18n;

/** Mallar: the self-check templates, their versions and questions, and their files. */
final class TemplatesTab {
    private final SelfCheckViewModel vm;
    private final I18n i18n;
    private final java.util.function.Supplier<javafx.stage.Window> window;

    TemplatesTab(SelfCheckViewModel vm, I18n i18n, java.util.function.Supplier<javafx.stage.Window> window) {
        this.vm = vm;
        this.i18n = i18n;
        this.window = window;
    }

    Node build() {
        ListView<Template> list = new ListView<>(vm.templates());
        list.setId("selfCheckTemplateList");
        list.setAccessibleText(i18n.get("h3.name.selfCheckTemplateList"));
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : t.label() + (t.frozen() ? " · " + i18n.get("selfcheck.template.frozen") : ""));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, t) -> vm.templateList().selectedTemplateProperty().set(t));
        vm.templateList().selectedTemplateProperty().addListener((o, a, t) -> {
            if (t != null && list.getSelectionModel().getSelectedItem() != t) {
                list.getSelectionModel().select(t);
                list.scrollTo(t);
            }
        });
        Button newTemplate = new Button(i18n.get("selfcheck.template.new"));
        newTemplate.setId("templateNew");
        vm.templateList().newTemplateCommand().bind(newTemplate);
        Button editTemplate = new Button(i18n.get("selfcheck.template.edit"));
        editTemplate.setId("templateEdit");
        vm.templateList().editTemplateCommand().bind(editTemplate);
        vm.templateList().templateEditorRequestProperty().addListener((o, a, editor) -> {
            if (editor != null) {
                TemplateEditorView.open(editor, i18n, window.get());
            }
        });
        Button dup = new Button(i18n.get("selfcheck.template.duplicate"));
        vm.templateList().duplicateTemplateCommand().bind(dup);
        Button rename = new Button(i18n.get("selfcheck.template.rename"));
        vm.templateList().renameTemplateCommand().bind(rename);
        Button export = new Button(i18n.get("selfcheck.template.export"));
        export.setId("templateExport");
        vm.templateList().exportTemplateCommand().bind(export);
        Button imp = new Button(i18n.get("selfcheck.template.import"));
        imp.setId("templateImport");
        vm.templateList().importTemplateCommand().bind(imp);
        FlowPane buttons = new FlowPane(8, 8, newTemplate, editTemplate, dup, rename, export, imp);
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(8, list, buttons);
        left.setPrefWidth(340);

        VBox detail = new VBox(8);
        detail.setPadding(new Insets(0, 0, 0, 12));
        ListView<Template> history = new ListView<>(vm.templateList().templateHistory());
        history.setPrefHeight(110);
        history.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Template t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty || t == null ? null : i18n.get("selfcheck.template.versionLine", t.version(), t.name(),
                        t.frozen() ? i18n.get("selfcheck.template.frozen") : i18n.get("selfcheck.template.editable")));
            }
        });
        vm.templateList().selectedTemplateProperty().addListener((o, a, t) -> {
            detail.getChildren().clear();
            if (t == null) {
                return;
            }
            Label name = new Label(t.label());
            name.getStyleClass().add("h2");
            Label desc = new Label(t.description() == null ? "" : t.description());
            desc.setWrapText(true);
            Label hist = new Label(i18n.get("selfcheck.template.history"));
            hist.setStyle("-fx-font-weight: bold;");
            detail.getChildren().addAll(name, desc, hist, history);
            for (var s : t.sections()) {
                Label h = new Label(s.title());
                h.getStyleClass().add("h2");
                detail.getChildren().add(h);
                for (Question q : s.questions()) {
                    String rule = q.findingRule().isNone() ? "" : " · " + i18n.get("selfcheck.template.findingRule",
                            describeRule(q));
                    Label l = new Label("• " + q.text() + (q.required() ? " *" : "") + "\n   "
                            + i18n.of(q.type()) + rule + (q.reference() == null ? ""
                            : " · " + i18n.get("selfcheck.form.reference", q.reference())));
                    l.setWrapText(true);
                    detail.getChildren().add(l);
                }
            }
        });
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        SplitPane split = new SplitPane(left, scroll);
        split.setDividerPositions(0.3);
        return split;
    }

    private String describeRule(Question q) {
        List<String> parts = new ArrayList<>();
        q.findingRule().values().stream().sorted().forEach(v -> parts.add(q.type() == AnswerType.YES_NO
                ? i18n.get("selfcheck.yesno." + v) : v));
        if (q.findingRule().below() != null) {
            parts.add(i18n.get("selfcheck.template.below", q.findingRule().below()));
        }
        if (q.findingRule().above() != null) {
            parts.add(i18n.get("selfcheck.template.above", q.findingRule().above()));
        }
        return String.join(", ", parts);
    }
}
