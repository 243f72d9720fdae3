package se.kvalitetshjulet.ui.deviation;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

import se.kvalitetshjulet.service.imports.ImportField;
import se.kvalitetshjulet.service.imports.PreviewRow;
import se.kvalitetshjulet.service.imports.RowError;
import se.kvalitetshjulet.ui.common.EditorWindow;
import se.kvalitetshjulet.ui.common.Forms;
import se.kvalitetshjulet.ui.common.I18n;

/**
 * The import window: one step at a time (file, columns, preview, check, done), with Back and
 * the step's main action at the bottom. Keyboard: every control is reachable with Tab, Enter
 * runs the main action, Escape closes.
 */
public final class ImportView extends BorderPane {
    private final ImportViewModel vm;
    private final I18n i18n;
    private final TableView<PreviewRow> previewTable = new TableView<>();

    public ImportView(ImportViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
        setId("importView");
        getStyleClass().add("editor");

        Label heading = new Label(i18n.get("import.title"));
        heading.getStyleClass().add("h1");
        Label stepLabel = new Label();
        stepLabel.setId("importStep");
        stepLabel.getStyleClass().add("h2");
        stepLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.stepTitle(vm.stepProperty().get()),
                vm.stepProperty()));
        VBox header = new VBox(4, heading, stepLabel);
        header.setPadding(new Insets(12, 16, 8, 16));
        setTop(header);

        Node fileStep = fileStep();
        Node mappingStep = mappingStep();
        Node previewStep = previewStep();
        Node checkStep = checkStep();
        Node doneStep = doneStep();
        Runnable showStep = () -> setCenter(switch (vm.stepProperty().get()) {
            case FILE -> fileStep;
            case MAPPING -> mappingStep;
            case PREVIEW -> previewStep;
            case CHECK -> checkStep;
            case DONE -> doneStep;
        });
        vm.stepProperty().addListener((o, a, b) -> showStep.run());
        showStep.run();

        Button back = new Button(i18n.get("import.back"));
        back.setId("importBack");
        vm.backCommand().bind(back);
        Button preview = new Button(i18n.get("import.preview"));
        preview.setId("importPreview");
        vm.previewCommand().bind(preview);
        Button check = new Button(i18n.get("import.check"));
        check.setId("importCheck");
        vm.dryRunCommand().bind(check);
        Button run = new Button(i18n.get("import.run"));
        run.setId("importRun");
        run.getStyleClass().add("primary");
        vm.importCommand().bind(run);
        Button close = new Button(i18n.get("common.close"));
        close.setId("importClose");
        close.setCancelButton(true);
        close.setOnAction(e -> vm.closeRequestedProperty().set(true));
        // The main action of each step is the default button (Enter).
        vm.stepProperty().addListener((o, a, s) -> {
            preview.setDefaultButton(s == ImportViewModel.Step.MAPPING);
            check.setDefaultButton(s == ImportViewModel.Step.PREVIEW);
            run.setDefaultButton(s == ImportViewModel.Step.CHECK);
        });
        preview.visibleProperty().bind(vm.stepProperty().isEqualTo(ImportViewModel.Step.MAPPING));
        preview.managedProperty().bind(preview.visibleProperty());
        check.visibleProperty().bind(vm.stepProperty().isEqualTo(ImportViewModel.Step.PREVIEW)
                .or(vm.stepProperty().isEqualTo(ImportViewModel.Step.CHECK)));
        check.managedProperty().bind(check.visibleProperty());
        run.visibleProperty().bind(vm.stepProperty().isEqualTo(ImportViewModel.Step.CHECK));
        run.managedProperty().bind(run.visibleProperty());

        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.busyProperty());
        Label message = new Label();
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, back, progress, message, spacer, preview, check, run, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        buttons.setPadding(new Insets(8, 16, 12, 16));
        setBottom(buttons);
    }

    /** Opens the import in its own window. */
    public static Stage open(ImportViewModel vm, I18n i18n, Window owner) {
        ImportView view = new ImportView(vm, i18n);
        EditorWindow.followProjectorMode(view, owner);
        Stage stage = EditorWindow.create(view, owner, 1000, 720, vm.closeRequestedProperty(), s -> true);
        stage.setTitle(i18n.get("import.window"));
        stage.show();
        return stage;
    }

    // ---- steps --------------------------------------------------------------------------------

    private Node fileStep() {
        Label intro = new Label(i18n.get("import.file.intro"));
        intro.setWrapText(true);
        Button choose = new Button(i18n.get("import.file.choose"));
        choose.setId("importChooseFile");
        choose.getStyleClass().add("primary");
        vm.chooseFileCommand().bind(choose);
        Label info = new Label();
        info.setId("importFileInfo");
        info.textProperty().bind(vm.fileInfoProperty());
        VBox box = new VBox(12, intro, choose, info);
        box.setPadding(new Insets(12, 16, 12, 16));
        choose.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                javafx.application.Platform.runLater(choose::requestFocus);
            }
        });
        return box;
    }

    private Node mappingStep() {
        Label info = new Label();
        info.textProperty().bind(vm.fileInfoProperty());
        Label intro = new Label(i18n.get("import.mapping.intro"));
        intro.setWrapText(true);

        ComboBox<String> profiles = new ComboBox<>(vm.profiles());
        profiles.setId("importProfile");
        profiles.setPromptText(i18n.get("import.profile.choose"));
        profiles.valueProperty().addListener((o, a, name) -> {
            if (name != null && !name.equals(vm.profileProperty().get())) {
                vm.loadProfile(name);
            }
        });
        vm.profileProperty().addListener((o, a, name) -> profiles.setValue(name));
        Button saveProfile = new Button(i18n.get("import.profile.save"));
        saveProfile.setId("importSaveProfile");
        vm.saveProfileCommand().bind(saveProfile);
        TextField source = new TextField();
        source.setId("importSource");
        source.textProperty().bindBidirectional(vm.sourceProperty());
        source.setTooltip(new Tooltip(i18n.get("import.source.hint")));
        GridPane top = Forms.grid();
        Forms.row(top, i18n.get("import.profile.label"), new HBox(8, profiles, saveProfile));
        Forms.row(top, i18n.get("import.source.label"), source);

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        grid.add(bold(i18n.get("import.mapping.field")), 0, 0);
        grid.add(bold(i18n.get("import.mapping.column")), 1, 0);
        grid.add(bold(i18n.get("import.mapping.default")), 2, 0);
        int r = 1;
        for (ImportFieldRow row : vm.fields()) {
            Label label = new Label(row.label() + (row.required() ? " *" : ""));
            ComboBox<String> column = new ComboBox<>();
            column.setId("importColumn-" + row.field().jsonName());
            Forms.display(column, h -> h, i18n.get("import.mapping.noColumn"));
            Runnable items = () -> {
                List<String> all = new ArrayList<>();
                all.add(null);
                all.addAll(vm.headers());
                String keep = row.columnProperty().get();
                column.getItems().setAll(all);
                column.setValue(keep);
            };
            vm.headers().addListener((ListChangeListener<String>) c -> items.run());
            items.run();
            column.valueProperty().bindBidirectional(row.columnProperty());
            column.setMaxWidth(Double.MAX_VALUE);
            label.setLabelFor(column);
            TextField def = new TextField();
            def.setId("importDefault-" + row.field().jsonName());
            def.setPromptText(i18n.get("import.mapping.defaultPrompt"));
            def.textProperty().bindBidirectional(row.defaultValueProperty());
            grid.add(label, 0, r);
            grid.add(column, 1, r);
            grid.add(def, 2, r);
            GridPane.setHgrow(column, Priority.ALWAYS);
            r++;
        }
        Label required = new Label(i18n.get("import.mapping.requiredHint"));
        required.getStyleClass().add("hint");
        Label problems = new Label();
        problems.setId("importMappingProblems");
        problems.getStyleClass().add("validation-message");
        problems.setWrapText(true);
        problems.textProperty().bind(vm.mappingProblemsProperty());

        VBox box = new VBox(10, info, intro, top, grid, required, problems);
        box.setPadding(new Insets(12, 16, 12, 16));
        ScrollPane sp = new ScrollPane(box);
        sp.setFitToWidth(true);
        return sp;
    }

    private Node previewStep() {
        previewTable.setId("importPreviewTable");
        previewTable.setItems(vm.preview());
        previewTable.setPlaceholder(new Label(i18n.get("import.preview.empty")));
        vm.previewFields().addListener((ListChangeListener<ImportField>) c -> rebuildPreviewColumns());
        rebuildPreviewColumns();
        Label intro = new Label(i18n.get("import.preview.intro", ImportViewModel.PREVIEW_ROWS));
        intro.setWrapText(true);
        VBox box = new VBox(8, intro, previewTable);
        VBox.setVgrow(previewTable, Priority.ALWAYS);
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private void rebuildPreviewColumns() {
        List<TableColumn<PreviewRow, String>> cols = new ArrayList<>();
        cols.add(column(i18n.get("import.report.row"), 60, r -> Long.toString(r.row())));
        cols.add(column(i18n.get("import.preview.status"), 260, r -> r.ok()
                ? (r.warnings().isEmpty() ? i18n.get("import.preview.ok") : r.warnings().getFirst().reason())
                : String.join(" ", r.errors().stream().map(RowError::reason).toList())));
        for (ImportField f : vm.previewFields()) {
            cols.add(column(vm.label(f), 140, r -> r.values().getOrDefault(f, "")));
        }
        previewTable.getColumns().setAll(cols);
    }

    private Node checkStep() {
        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("h2");
        summary.textProperty().bind(vm.summaryProperty());
        ListView<String> notes = new ListView<>(vm.notes());
        notes.setPrefHeight(70);
        notes.setFocusTraversable(false);

        TableView<ImportViewModel.ReportLine> table = new TableView<>(vm.report());
        table.setId("importReportTable");
        table.setPlaceholder(new Label(i18n.get("import.report.empty")));
        TableColumn<ImportViewModel.ReportLine, String> row = new TableColumn<>(i18n.get("import.report.row"));
        row.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().row() == 0 ? i18n.get("import.report.file")
                : Long.toString(c.getValue().row())));
        row.setPrefWidth(60);
        TableColumn<ImportViewModel.ReportLine, String> col = new TableColumn<>(i18n.get("import.report.column"));
        col.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().column()));
        col.setPrefWidth(140);
        TableColumn<ImportViewModel.ReportLine, String> value = new TableColumn<>(i18n.get("import.report.value"));
        value.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value()));
        value.setPrefWidth(160);
        TableColumn<ImportViewModel.ReportLine, String> reason = new TableColumn<>(i18n.get("import.report.reason"));
        reason.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason()));
        reason.setPrefWidth(480);
        TableColumn<ImportViewModel.ReportLine, String> type = new TableColumn<>(i18n.get("import.report.type"));
        type.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().warning() ? i18n.get("import.report.warning")
                : i18n.get("import.report.error")));
        type.setPrefWidth(80);
        table.getColumns().setAll(List.of(row, col, value, reason, type));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button save = new Button(i18n.get("import.report.save"));
        save.setId("importSaveReport");
        vm.saveReportCommand().bind(save);
        CheckBox skip = new CheckBox(i18n.get("import.skipInvalid"));
        skip.setId("importSkipInvalid");
        skip.selectedProperty().bindBidirectional(vm.skipInvalidProperty());
        skip.visibleProperty().bind(Bindings.createBooleanBinding(() -> vm.resultProperty().get() != null
                && !vm.resultProperty().get().ok() && !vm.resultProperty().get().fileRejected(), vm.resultProperty()));
        HBox actions = new HBox(12, save, skip);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, summary, notes, table, actions);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private Node doneStep() {
        Label summary = new Label();
        summary.setId("importDoneSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("h2");
        summary.textProperty().bind(vm.summaryProperty());
        Label hint = new Label(i18n.get("import.done.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(12, summary, hint);
        box.setPadding(new Insets(12, 16, 12, 16));
        return box;
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static <T> TableColumn<T, String> column(String title, double width, java.util.function.Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
