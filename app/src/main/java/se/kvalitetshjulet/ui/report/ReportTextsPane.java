package se.kvalitetshjulet.ui.report;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import se.kvalitetshjulet.domain.report.ReportKind;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.PrivacyWarningLabel;

/**
 * The left side of Rapporter: the author's texts of the chosen report (each shown only for the kinds that use it),
 * last year's priorities as a reminder, the privacy warning, the save button, and under them the chart conclusions.
 */
final class ReportTextsPane extends VBox {
    private final ReportViewModel vm;
    private final I18n i18n;

    ReportTextsPane(ReportViewModel vm, I18n i18n) {
        super(10);
        this.vm = vm;
        this.i18n = i18n;
        Label heading = new Label(i18n.get("report.ui.texts"));
        heading.getStyleClass().add("h2");
        Label hint = new Label(i18n.get("report.ui.texts.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        ObservableBooleanValue isAnnual = Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() == ReportKind.ANNUAL, vm.kindProperty());
        ObservableBooleanValue isTertial = Bindings.createBooleanBinding(
                () -> vm.kindProperty().get() == ReportKind.TERTIAL, vm.kindProperty());

        GridPane grid = Forms.grid();
        field(grid, "reportSummary", "report.h.summary", vm.summaryProperty(), 5, vm.textsUsedProperty());
        field(grid, "reportPriorities", "report.ui.field.priorities", vm.prioritiesProperty(), 4, isAnnual);
        Label previous = new Label();
        previous.setId("reportPreviousPriorities");
        previous.getStyleClass().add("hint");
        previous.setWrapText(true);
        previous.textProperty().bind(Bindings.createStringBinding(() -> vm.previousPrioritiesProperty().get().isBlank()
                ? i18n.get("report.ui.previous.none")
                : i18n.get("report.ui.previous", vm.previousPrioritiesProperty().get()), vm.previousPrioritiesProperty()));
        show(previous, isAnnual);
        grid.add(previous, 1, grid.getRowCount());
        field(grid, "reportFollowUp", "report.ui.field.followUp", vm.followUpProperty(), 4, isAnnual);
        field(grid, "reportExternalAudits", "report.h.audits", vm.externalAuditsProperty(), 4, isTertial);
        field(grid, "reportAnalysis", "report.h.analysis", vm.analysisProperty(), 4, isTertial);

        Label boardHint = new Label(i18n.get("report.ui.texts.board"));
        boardHint.getStyleClass().add("hint");
        boardHint.setWrapText(true);
        show(boardHint, Bindings.not(vm.textsUsedProperty()));

        Label privacy = new PrivacyWarningLabel("reportPrivacy", vm.privacyWarningProperty());
        privacy.setMaxWidth(Double.MAX_VALUE);

        HBox buttons = saveButtons(vm, i18n, "reportSaveTexts", true);
        show(buttons, vm.textsUsedProperty());

        getChildren().addAll(heading, hint, boardHint, grid, privacy, buttons, new ReportSectionsPane(vm, i18n, isAnnual),
                new ReportConclusionsPane(vm, i18n));
        setMinWidth(420);
        setPrefWidth(620);
    }

    /** The save button of the texts and the "unsaved" badge beside it. */
    static HBox saveButtons(ReportViewModel vm, I18n i18n, String id, boolean primary) {
        Button save = new Button(i18n.get("report.ui.texts.save"));
        save.setId(id);
        if (primary) {
            save.getStyleClass().add("primary");
        }
        vm.saveTextsCommand().bind(save);
        Label unsaved = new Label(i18n.get("report.ui.texts.unsavedBadge"));
        unsaved.getStyleClass().add("hint");
        unsaved.visibleProperty().bind(vm.textsDirtyProperty());
        HBox buttons = new HBox(10, save, unsaved);
        buttons.setAlignment(Pos.CENTER_LEFT);
        return buttons;
    }

    private void field(GridPane grid, String id, String labelKey, StringProperty text, int rows,
                       ObservableBooleanValue visible) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setWrapText(true);
        area.setPrefRowCount(rows);
        area.textProperty().bindBidirectional(text);
        area.disableProperty().bind(Bindings.not(vm.textsLoadedProperty()));
        Label label = new Label(i18n.get(labelKey));
        label.setLabelFor(area);
        label.setWrapText(true);
        label.setMaxWidth(150);
        int r = grid.getRowCount();
        grid.add(label, 0, r);
        grid.add(area, 1, r);
        show(label, visible);
        show(area, visible);
    }

    /** Shown (and taking room) exactly while {@code visible} holds. */
    static void show(Node n, ObservableBooleanValue visible) {
        n.visibleProperty().bind(visible);
        n.managedProperty().bind(n.visibleProperty());
    }

    /**
     * "Fler avsnitt i kvalitetsberättelsen": the sections of seed 002's shape beyond the fixed texts — the follow-up
     * of each of last year's priorities, processes and routines, what each kind's cases were about, patterns,
     * development work, risk analyses and self-checks — each with the hint of what belongs there in its empty box.
     */
    private static final class ReportSectionsPane extends javafx.scene.control.TitledPane {
        ReportSectionsPane(ReportViewModel vm, I18n i18n, ObservableBooleanValue annual) {
            setId("reportSectionsPane");
            setText(i18n.get("report.ui.sections"));
            // Folded until the author opens it: the fixed texts and their save button stay in view on a laptop.
            setExpanded(false);
            Label hint = new Label(i18n.get("report.ui.sections.hint"));
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            VBox rows = new VBox(6);
            rows.setId("reportSections");
            Runnable rebuild = () -> {
                rows.getChildren().clear();
                for (ReportViewModel.SectionRow row : vm.sections()) {
                    TextArea area = new TextArea();
                    area.setId("reportSection-" + row.key());
                    area.setWrapText(true);
                    area.setPrefRowCount(3);
                    area.setPromptText(row.hint());
                    area.textProperty().bindBidirectional(row.text());
                    area.disableProperty().bind(Bindings.not(vm.textsLoadedProperty()));
                    Label title = new Label(row.title());
                    title.setStyle("-fx-font-weight: bold;");
                    title.setWrapText(true);
                    title.setLabelFor(area);
                    rows.getChildren().addAll(title, area);
                }
            };
            vm.sections().addListener(
                    (javafx.collections.ListChangeListener<ReportViewModel.SectionRow>) c -> rebuild.run());
            rebuild.run();
            VBox content = new VBox(6, hint, rows, saveButtons(vm, i18n, "reportSaveSections", false));
            setContent(content);
            setPadding(new Insets(10, 0, 0, 0));
            show(this, annual);
        }
    }

    /**
     * "Slutsatser om diagrammen": each run or control chart the report includes, with the sentence under it — drafted
     * from the chart's signals, rewritten here by the author (an emptied box uses the draft again, shown as prompt).
     */
    private static final class ReportConclusionsPane extends VBox {
        ReportConclusionsPane(ReportViewModel vm, I18n i18n) {
            super(6);
            Label heading = new Label(i18n.get("report.ui.conclusions"));
            heading.getStyleClass().add("h3");
            Label hint = new Label(i18n.get("report.ui.conclusions.hint"));
            hint.getStyleClass().add("hint");
            hint.setWrapText(true);
            VBox rows = new VBox(8);
            rows.setId("reportConclusions");
            Runnable rebuild = () -> {
                rows.getChildren().clear();
                if (vm.conclusions().isEmpty()) {
                    Label none = new Label(i18n.get(vm.conclusionsLoadingProperty().get()
                            ? "report.ui.conclusions.loading" : "report.ui.conclusions.none"));
                    none.getStyleClass().add("hint");
                    none.setWrapText(true);
                    rows.getChildren().add(none);
                }
                int i = 0;
                for (ReportViewModel.ConclusionRow row : vm.conclusions()) {
                    TextArea area = new TextArea();
                    area.setId("reportConclusion" + i++);
                    area.setWrapText(true);
                    area.setPrefRowCount(3);
                    area.setPromptText(row.drafted());
                    area.textProperty().bindBidirectional(row.text());
                    area.disableProperty().bind(Bindings.not(vm.textsLoadedProperty()));
                    Label title = new Label(row.title());
                    title.setStyle("-fx-font-weight: bold;");
                    title.setWrapText(true);
                    title.setLabelFor(area);
                    rows.getChildren().addAll(title, area);
                }
            };
            vm.conclusions().addListener(
                    (javafx.collections.ListChangeListener<ReportViewModel.ConclusionRow>) c -> rebuild.run());
            vm.conclusionsLoadingProperty().addListener((o, a, b) -> rebuild.run());
            rebuild.run();
            // Saved with the other texts: the same command, also under the conclusions so that it is at hand.
            HBox buttons = saveButtons(vm, i18n, "reportSaveConclusions", false);
            show(buttons, Bindings.isNotEmpty(vm.conclusions()));
            getChildren().addAll(heading, hint, rows, buttons);
            setPadding(new Insets(10, 0, 0, 0));
            show(this, vm.textsUsedProperty());
        }
    }
}
