package se.kvalitetshjulet.ui.deviation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import se.kvalitetshjulet.service.imports.DeviationImporter;
import se.kvalitetshjulet.service.imports.ImportField;
import se.kvalitetshjulet.service.imports.ImportFileException;
import se.kvalitetshjulet.service.imports.ImportMapping;
import se.kvalitetshjulet.service.imports.ImportMappingService;
import se.kvalitetshjulet.service.imports.ImportOptions;
import se.kvalitetshjulet.service.imports.ImportResult;
import se.kvalitetshjulet.service.imports.PreviewRow;
import se.kvalitetshjulet.service.imports.RowError;
import se.kvalitetshjulet.service.imports.TabularReader;
import se.kvalitetshjulet.ui.common.Command;
import se.kvalitetshjulet.ui.common.DialogService;
import se.kvalitetshjulet.ui.common.I18n;
import se.kvalitetshjulet.ui.common.TaskRunner;

/**
 * Import of deviations from another system's export, step by step: choose a file → map its
 * columns to the fields of a deviation (with saved mapping profiles) → preview the first rows
 * → dry run with an error report (that can be saved as CSV) → import, all or nothing (or only
 * the valid rows, if the user chooses so). File work runs through the {@link TaskRunner}.
 */
public final class ImportViewModel {
    public enum Step { FILE, MAPPING, PREVIEW, CHECK, DONE }

    public static final int PREVIEW_ROWS = 20;
    /** Fields a file must give (or the mapping must default) before it can be checked. */
    static final Set<ImportField> REQUIRED = Set.of(ImportField.EXTERNAL_ID, ImportField.KIND, ImportField.UNIT,
            ImportField.CATEGORY, ImportField.REGISTERED_ON, ImportField.TITLE);

    /** One target field of the mapping step: the file column that fills it and an optional default value. */
    public static final class FieldRow {
        private final ImportField field;
        private final String label;
        private final boolean required;
        private final ObjectProperty<String> column = new SimpleObjectProperty<>();
        private final StringProperty defaultValue = new SimpleStringProperty("");

        FieldRow(ImportField field, String label, boolean required) {
            this.field = field;
            this.label = label;
            this.required = required;
        }

        public ImportField field() {
            return field;
        }

        public String label() {
            return label;
        }

        public boolean required() {
            return required;
        }

        public ObjectProperty<String> columnProperty() {
            return column;
        }

        public StringProperty defaultValueProperty() {
            return defaultValue;
        }
    }

    /** One line of the error report table. */
    public record ReportLine(long row, String column, String value, String reason, boolean warning) {
        static ReportLine of(RowError e, boolean warning) {
            return new ReportLine(e.row(), e.column(), e.value(), e.reason(), warning);
        }
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final I18n i18n;
    private final Runnable onImported;
    private final DeviationImporter importer;
    private final ImportMappingService mappings;

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.FILE);
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private final StringProperty fileInfo = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final ObservableList<String> headers = FXCollections.observableArrayList();
    private final ObservableList<FieldRow> fields = FXCollections.observableArrayList();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty profile = new SimpleStringProperty();
    private final StringProperty mappingProblems = new SimpleStringProperty("");
    private final ObservableList<PreviewRow> preview = FXCollections.observableArrayList();
    private final ObservableList<ImportField> previewFields = FXCollections.observableArrayList();
    private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>();
    private final ObservableList<ReportLine> report = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final BooleanProperty skipInvalid = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final BooleanProperty checkedMappingCurrent = new SimpleBooleanProperty();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty();
    private ImportMapping checkedMapping;
    private boolean updating;

    private final Command chooseFile;
    private final Command showPreview;
    private final Command dryRun;
    private final Command runImport;
    private final Command saveReport;
    private final Command saveProfile;
    private final Command back;

    public ImportViewModel(DeviationContext ctx, TaskRunner tasks, DialogService dialogs, I18n i18n, Runnable onImported) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.i18n = i18n;
        this.onImported = onImported;
        this.importer = ctx.deviationImporter();
        this.mappings = ctx.importMappingService();
        for (ImportField f : ImportField.values()) {
            FieldRow row = new FieldRow(f, i18n.get("import.field." + f.jsonName()), REQUIRED.contains(f));
            row.columnProperty().addListener((o, a, b) -> mappingChanged());
            row.defaultValueProperty().addListener((o, a, b) -> mappingChanged());
            fields.add(row);
        }
        source.addListener((o, a, b) -> mappingChanged());

        var notBusy = busy.not();
        var hasFile = Bindings.isNotEmpty(headers);
        var mappingOk = Bindings.createBooleanBinding(() -> mappingProblems.get().isEmpty()
                && !source.get().isBlank(), mappingProblems, source);
        chooseFile = new Command(this::chooseFile, notBusy);
        showPreview = new Command(this::loadPreview, notBusy.and(hasFile).and(mappingOk)
                .and(Bindings.createBooleanBinding(() -> step.get() != Step.DONE, step)));
        dryRun = new Command(this::dryRun, notBusy.and(hasFile).and(mappingOk)
                .and(Bindings.createBooleanBinding(() -> step.get() == Step.PREVIEW || step.get() == Step.CHECK, step)));
        runImport = new Command(this::runImport, notBusy.and(checkedMappingCurrent).and(Bindings.createBooleanBinding(() -> {
            ImportResult r = result.get();
            return step.get() == Step.CHECK && r != null && r.dryRun() && !r.fileRejected() && r.valid() > 0
                    && (r.ok() || skipInvalid.get());
        }, step, result, skipInvalid)));
        saveReport = new Command(this::saveReport, notBusy.and(Bindings.isNotEmpty(report)));
        saveProfile = new Command(this::saveProfile, notBusy.and(hasFile));
        back = new Command(this::back, notBusy.and(Bindings.createBooleanBinding(
                () -> step.get() != Step.FILE && step.get() != Step.DONE, step)));
    }

    // ---- step 1: file ---------------------------------------------------------------------

    private void chooseFile() {
        dialogs.chooseOpenFile(i18n.get("import.file.choose.title"), List.of("*.csv", "*.xlsx", "*.txt"))
                .ifPresent(this::open);
    }

    private record Opened(Path file, String description, List<String> headers, List<String> profiles) { }

    /** Reads the headers of {@code path}, guesses the mapping and moves on to the mapping step. */
    public void open(Path path) {
        busy.set(true);
        tasks.run(i18n.get("import.file.opening", path.getFileName()), p -> {
            TabularReader reader = importer.open(path);
            return new Opened(path, reader.describe(), reader.headers(), mappings.names());
        }, opened -> {
            busy.set(false);
            file.set(opened.file());
            fileInfo.set(i18n.get("import.file.info", opened.file().getFileName(), opened.description(),
                    opened.headers().size()));
            headers.setAll(opened.headers());
            profiles.setAll(opened.profiles());
            profile.set(null);
            applyMapping(ImportMapping.guess(opened.headers()));
            source.set(baseName(opened.file()));
            clearResults();
            step.set(Step.MAPPING);
        }, this::failed);
    }

    // ---- step 2: mapping ----------------------------------------------------------------------

    /** The mapping as the user has set it up. */
    public ImportMapping currentMapping() {
        Map<ImportField, String> cols = new EnumMap<>(ImportField.class);
        Map<ImportField, String> defs = new EnumMap<>(ImportField.class);
        for (FieldRow r : fields) {
            if (r.columnProperty().get() != null && !r.columnProperty().get().isBlank()) {
                cols.put(r.field(), r.columnProperty().get());
            }
            if (r.defaultValueProperty().get() != null && !r.defaultValueProperty().get().isBlank()) {
                defs.put(r.field(), r.defaultValueProperty().get());
            }
        }
        return new ImportMapping(cols, defs, source.get());
    }

    private void applyMapping(ImportMapping m) {
        updating = true;
        try {
            for (FieldRow r : fields) {
                r.columnProperty().set(m.column(r.field()));
                String d = m.defaultValue(r.field());
                r.defaultValueProperty().set(d == null ? "" : d);
            }
            if (m.source() != null) {
                source.set(m.source());
            }
        } finally {
            updating = false;
        }
        mappingChanged();
    }

    private void mappingChanged() {
        if (updating) {
            return;
        }
        List<String> problems = headers.isEmpty() ? List.of() : currentMapping().problems(headers);
        String text = String.join("\n", problems);
        if (source.get() == null || source.get().isBlank()) {
            text = (text.isEmpty() ? "" : text + "\n") + i18n.get("import.source.required");
        }
        mappingProblems.set(text);
        checkedMappingCurrent.set(checkedMapping != null && checkedMapping.equals(currentMapping()));
    }

    /** Applies the saved mapping profile {@code name}. */
    public void loadProfile(String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        busy.set(true);
        tasks.run(i18n.get("import.profile.loading"), p -> mappings.find(name), m -> {
            busy.set(false);
            if (m.isEmpty()) {
                dialogs.showError(i18n.get("import.profile.title"), i18n.get("import.profile.missing", name));
                return;
            }
            profile.set(name);
            applyMapping(m.get());
        }, this::failed);
    }

    private void saveProfile() {
        String initial = profile.get() != null ? profile.get() : source.get();
        dialogs.askText(i18n.get("import.profile.saveTitle"), i18n.get("import.profile.savePrompt"), initial)
                .map(String::strip).filter(n -> !n.isEmpty()).ifPresent(name -> {
                    ImportMapping mapping = currentMapping();
                    busy.set(true);
                    tasks.run(i18n.get("import.profile.saving"), p -> mappings.save(name, mapping), names -> {
                        busy.set(false);
                        profiles.setAll(names);
                        profile.set(name);
                    }, this::failed);
                });
    }

    // ---- step 3: preview --------------------------------------------------------------------

    private void loadPreview() {
        Path f = file.get();
        ImportMapping m = currentMapping();
        busy.set(true);
        tasks.run(i18n.get("import.preview.loading"), p -> importer.preview(f, m, PREVIEW_ROWS), rows -> {
            busy.set(false);
            previewFields.setAll(m.columns().keySet());
            preview.setAll(rows);
            step.set(Step.PREVIEW);
        }, this::failed);
    }

    // ---- step 4: dry run and report ----------------------------------------------------------------

    private void dryRun() {
        Path f = file.get();
        ImportMapping m = currentMapping();
        String src = source.get().strip();
        busy.set(true);
        tasks.run(i18n.get("import.check.running"), p -> importer.run(f, m, new ImportOptions(src, true, false),
                p::update, p::isCancelled), r -> {
                    busy.set(false);
                    checkedMapping = m;
                    checkedMappingCurrent.set(true);
                    show(r);
                    step.set(Step.CHECK);
                }, this::failed);
    }

    private void show(ImportResult r) {
        result.set(r);
        List<ReportLine> lines = new ArrayList<>();
        r.errors().forEach(e -> lines.add(ReportLine.of(e, false)));
        r.warnings().forEach(w -> lines.add(ReportLine.of(w, true)));
        report.setAll(lines);
        notes.setAll(r.notes());
        summary.set(summaryOf(r));
    }

    private String summaryOf(ImportResult r) {
        if (r.fileRejected()) {
            return i18n.get("import.summary.fileRejected");
        }
        String counts = i18n.get("import.summary.counts", r.rowsRead(), r.valid(), r.rejectedRows(), r.unchanged());
        if (r.identityNumberRows() > 0) {
            counts += " " + i18n.get("import.summary.identityNumbers", r.identityNumberRows());
        }
        String outcome;
        if (r.ok() && r.valid() == 0) {
            outcome = i18n.get("import.summary.nothingNew");
        } else if (r.dryRun()) {
            outcome = r.ok() ? i18n.get("import.summary.dryRunOk", r.valid())
                    : i18n.get("import.summary.dryRunRejected", r.errorCount());
        } else if (r.imported() > 0) {
            outcome = i18n.get("import.summary.imported", r.imported());
        } else if (!r.ok()) {
            outcome = i18n.get("import.summary.nothingWritten");
        } else {
            outcome = i18n.get("import.summary.nothingNew");
        }
        return counts + "\n" + outcome;
    }

    private void saveReport() {
        ImportResult r = result.get();
        String suggested = "importfel-" + baseName(file.get()) + ".csv";
        dialogs.chooseSaveFile(i18n.get("import.report.saveTitle"), suggested, List.of("*.csv")).ifPresent(target -> {
            busy.set(true);
            tasks.run(i18n.get("import.report.saving"), p -> {
                r.writeReport(target);
                return target;
            }, t -> {
                busy.set(false);
                dialogs.showInfo(i18n.get("import.report.saveTitle"), i18n.get("import.report.saved", t));
            }, this::failed);
        });
    }

    // ---- step 5: import --------------------------------------------------------------------------

    private void runImport() {
        ImportResult checked = result.get();
        String src = source.get().strip();
        boolean skip = skipInvalid.get() && !checked.ok();
        String question = skip ? i18n.get("import.confirm.skip", checked.valid(), src, checked.rejectedRows())
                : i18n.get("import.confirm.all", checked.valid(), src);
        if (!dialogs.confirm(i18n.get("import.confirm.title"), question)) {
            return;
        }
        Path f = file.get();
        ImportMapping m = currentMapping();
        busy.set(true);
        tasks.run(i18n.get("import.running"), p -> importer.run(f, m, new ImportOptions(src, false, skip), p::update,
                p::isCancelled), r -> {
                    busy.set(false);
                    show(r);
                    if (r.written()) {
                        step.set(Step.DONE);
                        onImported.run();
                    } else if (r.ok()) {
                        step.set(Step.DONE);
                    }
                }, this::failed);
    }

    // ---- navigation ----------------------------------------------------------------------------------

    private void back() {
        step.set(switch (step.get()) {
            case MAPPING, FILE -> Step.FILE;
            case PREVIEW -> Step.MAPPING;
            case CHECK -> Step.PREVIEW;
            case DONE -> Step.DONE;
        });
    }

    private void clearResults() {
        preview.clear();
        previewFields.clear();
        result.set(null);
        report.clear();
        notes.clear();
        summary.set("");
        checkedMapping = null;
        checkedMappingCurrent.set(false);
    }

    private void failed(Throwable t) {
        busy.set(false);
        if (t instanceof ImportFileException || t instanceof IllegalArgumentException) {
            dialogs.showError(i18n.get("import.error.title"), se.kvalitetshjulet.app.FailureMessages.explain(t));
        } else {
            dialogs.showUnexpected(t);
        }
    }

    static String baseName(Path file) {
        if (file == null || file.getFileName() == null) {
            return "";
        }
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** The step title, e.g. "Steg 2 av 5: Kolumner". */
    public String stepTitle(Step s) {
        return i18n.get("import.step", s.ordinal() + 1, Step.values().length,
                i18n.get("import.step." + s.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** Progress of the running work (0–1, negative when unknown), for the window's progress bar. */
    public javafx.beans.property.ReadOnlyDoubleProperty progressProperty() { return tasks.progressProperty(); }
    public javafx.beans.property.ReadOnlyStringProperty messageProperty() { return tasks.messageProperty(); }
    public ReadOnlyObjectProperty<Step> stepProperty() { return step.getReadOnlyProperty(); }
    public ObjectProperty<Path> fileProperty() { return file; }
    public StringProperty fileInfoProperty() { return fileInfo; }
    public StringProperty sourceProperty() { return source; }
    public ObservableList<String> headers() { return headers; }
    public ObservableList<FieldRow> fields() { return fields; }
    public ObservableList<String> profiles() { return profiles; }
    public StringProperty profileProperty() { return profile; }
    public StringProperty mappingProblemsProperty() { return mappingProblems; }
    public ObservableList<PreviewRow> preview() { return preview; }
    public ObservableList<ImportField> previewFields() { return previewFields; }
    public ObjectProperty<ImportResult> resultProperty() { return result; }
    public ObservableList<ReportLine> report() { return report; }
    public ObservableList<String> notes() { return notes; }
    public StringProperty summaryProperty() { return summary; }
    public BooleanProperty skipInvalidProperty() { return skipInvalid; }
    public BooleanProperty busyProperty() { return busy; }
    public BooleanProperty closeRequestedProperty() { return closeRequested; }
    public Command chooseFileCommand() { return chooseFile; }
    public Command previewCommand() { return showPreview; }
    public Command dryRunCommand() { return dryRun; }
    public Command importCommand() { return runImport; }
    public Command saveReportCommand() { return saveReport; }
    public Command saveProfileCommand() { return saveProfile; }
    public Command backCommand() { return back; }

    /** The label of a field for table headers. */
    public String label(ImportField f) {
        return i18n.get("import.field." + f.jsonName());
    }

    FieldRow row(ImportField f) {
        return fields.stream().filter(r -> r.field() == f).findFirst().orElseThrow();
    }
}
